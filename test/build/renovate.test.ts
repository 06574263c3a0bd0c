import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { inRepo } from '../support/repo-paths';

interface PackageRule {
  readonly matchPackageNames?: readonly string[];
  readonly matchUpdateTypes?: readonly string[];
  readonly dependencyDashboardApproval?: boolean;
  readonly automerge?: boolean;
  readonly groupName?: string;
}

const config = JSON.parse(readFileSync(inRepo('.github', 'renovate.json'), 'utf8')) as { packageRules: PackageRule[]; automerge?: boolean };

/** The rules that apply to a package and update type, as Renovate merges them: later ones win. */
function rulesFor(name: string, updateType: string): PackageRule {
  const applies = (rule: PackageRule): boolean => {
    const names = rule.matchPackageNames ?? ['*'];
    const named = names.some((pattern) => pattern === name || pattern === '*') && !names.includes(`!${name}`);
    return named && (rule.matchUpdateTypes ?? [updateType]).includes(updateType);
  };
  return config.packageRules.filter(applies).reduce<PackageRule>((merged, rule) => ({ ...merged, ...rule }), { automerge: config.automerge ?? false });
}

describe('dependency updates', () => {
  it.each(['minor', 'major'])('holds an Electron %s update for a person to approve, never merging it by itself', (updateType) => {
    expect(rulesFor('electron', updateType)).toMatchObject({ dependencyDashboardApproval: true, automerge: false, groupName: 'Electron' });
  });

  it('keeps Electron out of the weekly group, where the other minor and patch updates go together', () => {
    expect(rulesFor('zod', 'minor').groupName).toBe('minor and patch updates');
    expect(rulesFor('electron-store', 'patch').groupName).toBe('minor and patch updates');
    expect(rulesFor('electron', 'patch')).toMatchObject({ groupName: 'Electron patch', automerge: false });
  });
});
