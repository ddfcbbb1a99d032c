// Fails early, with the fix, when the browser tests cannot find Chromium.
import { existsSync } from 'node:fs';

const path = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
if (!existsSync(path)) {
  console.error(
    `Chromium was not found at ${path}.\n` +
      "The browser tests drive Debian's Chromium through playwright-core (browser downloads cannot work here).\n" +
      'Install it with:  sudo apt-get install -y chromium\n' +
      'or point CHROMIUM_PATH at an installed Chromium.',
  );
  process.exit(1);
}
