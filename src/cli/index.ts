#!/usr/bin/env node
// The runner's entry: runs it in this process.
import { startRunner } from './runner-process';

void startRunner(process);
