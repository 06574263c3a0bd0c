// Draws the macOS tray template icon (black on transparent; macOS tints it) at 1x and 2x,
// from the same shapes as assets/icon.svg: three rising bars and a live dot.
import { PNG } from 'pngjs';
import { writeFileSync } from 'node:fs';

function draw(size) {
  const png = new PNG({ width: size, height: size });
  const unit = size / 16;
  const fill = (x, y, w, h) => {
    for (let row = Math.round(y * unit); row < Math.round((y + h) * unit); row++) {
      for (let column = Math.round(x * unit); column < Math.round((x + w) * unit); column++) {
        const i = (row * size + column) * 4;
        png.data[i + 3] = 255;
      }
    }
  };
  fill(2, 10, 3, 4);
  fill(6.5, 7, 3, 7);
  fill(11, 4, 3, 10);
  fill(11, 1, 3, 2);
  return PNG.sync.write(png);
}

writeFileSync('assets/trayTemplate.png', draw(16));
writeFileSync('assets/trayTemplate@2x.png', draw(32));
