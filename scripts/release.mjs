// `npm run release`: one archive that installs and starts on a Linux x86-64 machine with Node.js 20
// and no network at all. Builds the page and the server, installs the production dependencies
// (native better-sqlite3 included) into a staging folder, checks them, and packs
// release/caseboard-<version>-linux-x64.tar.gz. See docs/release.md.
import { spawnSync } from 'node:child_process';
import {
  chmodSync,
  copyFileSync,
  existsSync,
  mkdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { builtinModules } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = dirname(dirname(fileURLToPath(import.meta.url)));
const started = Date.now();

/** Runs a command with the output shown; a failure ends the release. */
function run(command, args, { label = `${command} ${args.join(' ')}`, ...options } = {}) {
  console.log(`\n> ${label}${options.cwd ? `   (in ${options.cwd})` : ''}`);
  const result = spawnSync(command, args, { stdio: 'inherit', cwd: repo, ...options });
  if (result.error) fail(`${command} could not be run: ${result.error.message}`);
  if (result.status !== 0)
    fail(`${label} failed (${result.signal ?? `exit code ${result.status}`})`);
}

function fail(message) {
  console.error(`\nrelease: ${message}`);
  process.exit(1);
}

if (process.platform !== 'linux' || process.arch !== 'x64')
  fail(
    `the archive carries native modules built for this machine, which is ${process.platform}-${process.arch}; ` +
      'run the release on Linux x86-64',
  );
const nodeMajor = Number(process.versions.node.split('.')[0]);
if (nodeMajor !== 20)
  fail(`run the release with Node.js 20 (the target's version), not ${process.versions.node}`);

const pkg = JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8'));
const name = `caseboard-${pkg.version}`;
const stage = join(tmpdir(), name);
const outDir = join(repo, 'release');
const archive = join(outDir, `${name}-linux-x64.tar.gz`);
// `fail` exits at once: the staging folder goes then too.
process.on('exit', () => rmSync(stage, { recursive: true, force: true }));

// 1. The page and the server, built from the sources as they are straight into the staging folder
// (the repository's own dist/ is left alone: tests may be serving it meanwhile).
rmSync(stage, { recursive: true, force: true });
mkdirSync(join(stage, 'dist-server'), { recursive: true });
run('npx', [
  'vite',
  'build',
  '--outDir',
  join(stage, 'dist'),
  '--emptyOutDir',
  '--logLevel',
  'warn',
]);
run('npx', [
  'esbuild',
  'server/main.ts',
  // Exports are drawn in worker threads from their own bundle, beside main.js.
  'server/export/exportWorker.ts',
  // PDF text layers are read in a worker thread from its own bundle too (server/ocr/).
  'server/ocr/pdfTextWorker.ts',
  '--bundle',
  '--platform=node',
  '--format=esm',
  '--packages=external',
  `--outdir=${join(stage, 'dist-server')}`,
  '--entry-names=[name]',
  '--log-level=warning',
]);
for (const built of [
  'dist/index.html',
  'dist-server/main.js',
  'dist-server/exportWorker.js',
  'dist-server/pdfTextWorker.js',
])
  if (!existsSync(join(stage, built))) fail(`the build did not make ${built}`);

try {
  // 2. The staging folder, which becomes caseboard-<version>/ in the archive.
  copyFileSync(join(repo, 'package-lock.json'), join(stage, 'package-lock.json'));
  copyFileSync(join(repo, 'README.md'), join(stage, 'README.md'));
  const trimmed = {
    name: pkg.name,
    version: pkg.version,
    private: true,
    type: pkg.type,
    engines: pkg.engines,
    scripts: { start: 'sh run-server.sh dist-server/main.js' },
    dependencies: pkg.dependencies,
    // npm's install-script policy: better-sqlite3 must run its install script (native build).
    ...(pkg.allowScripts ? { allowScripts: pkg.allowScripts } : {}),
  };
  writeFileSync(join(stage, 'package.json'), JSON.stringify(trimmed, null, 2) + '\n');

  // 3. Production dependencies, with the native parts built or fetched for this machine. npm must
  // work in the staging folder only: drop what `npm run` exported about the repository.
  const env = Object.fromEntries(
    Object.entries(process.env).filter(
      ([key]) =>
        !/^npm_(config_local_prefix|package_|lifecycle_|command$)/i.test(key) && key !== 'INIT_CWD',
    ),
  );
  run('npm', ['ci', '--omit=dev', '--ignore-scripts=false', '--no-audit', '--no-fund'], {
    cwd: stage,
    env,
  });
  const nativeAddon = join(stage, 'node_modules/better-sqlite3/build/Release/better_sqlite3.node');
  if (!existsSync(nativeAddon)) fail(`npm did not build ${relative(stage, nativeAddon)}`);
  // What the lock file marks as needed by devDependencies only must not be there.
  const lock = JSON.parse(readFileSync(join(stage, 'package-lock.json'), 'utf8'));
  for (const [path, entry] of Object.entries(lock.packages ?? {}))
    if (path && entry.dev && existsSync(join(stage, path)))
      fail(`${path} is needed by devDependencies only but was installed into the release`);
  // Compiler leftovers of the native build: not needed to run, several MB.
  for (const leftover of ['obj', 'obj.target', '.deps', 'sqlite3.a', 'test_extension.node'])
    rmSync(join(stage, 'node_modules/better-sqlite3/build/Release', leftover), {
      recursive: true,
      force: true,
    });
  rmSync(join(stage, 'node_modules/better-sqlite3/build/deps'), { recursive: true, force: true });

  // 4. start.sh (which starts Node through run-server.sh, for its C library settings) and INSTALL.txt.
  copyFileSync(join(repo, 'scripts/run-server.sh'), join(stage, 'run-server.sh'));
  writeFileSync(join(stage, 'start.sh'), startScript(process.versions.modules), { mode: 0o755 });
  chmodSync(join(stage, 'start.sh'), 0o755);
  writeFileSync(join(stage, 'INSTALL.txt'), installText(pkg.version));

  // 5. Before packing: the native part loads and works, and every package the server imports is
  // there, so a broken install fails the release rather than the installation.
  const server = readFileSync(join(stage, 'dist-server/main.js'), 'utf8');
  const imported = new Set();
  for (const m of server.matchAll(
    /(?:\bfrom\s*|\bimport\s*\(\s*|\bimport\s+|\brequire\s*\(\s*)["']([^"'./][^"']*)["']/g,
  )) {
    const spec = m[1];
    if (spec.startsWith('node:') || builtinModules.includes(spec.split('/')[0])) continue;
    imported.add(spec);
  }
  const check = `
    const { default: Database } = await import('better-sqlite3');
    const db = new Database(':memory:');
    if (db.prepare('select 40 + 2 as x').get().x !== 42) throw new Error('better-sqlite3 answers wrongly');
    db.close();
    for (const spec of ${JSON.stringify([...imported])}) import.meta.resolve(spec);
    console.log('better-sqlite3 works; the server finds ${imported.size} packages');
  `;
  run(process.execPath, ['--input-type=module', '-e', check], {
    cwd: stage,
    env,
    label: 'node -e: load better-sqlite3, resolve the imports of dist-server/main.js',
  });

  // 6. The archive, with caseboard-<version>/ inside.
  mkdirSync(outDir, { recursive: true });
  rmSync(archive, { force: true });
  run('tar', [
    '--owner=0',
    '--group=0',
    '--numeric-owner',
    '-C',
    dirname(stage),
    '-czf',
    archive,
    name,
  ]);
} finally {
  rmSync(stage, { recursive: true, force: true });
}

const mib = (statSync(archive).size / 1024 / 1024).toFixed(1);
const seconds = Math.round((Date.now() - started) / 1000);
console.log(`\nRelease: ${relative(process.cwd(), archive)} (${mib} MiB), made in ${seconds} s`);

/** The start script; `abi` is the Node.js module ABI the native parts were built for. */
function startScript(abi) {
  return `#!/bin/sh
# Starts CaseBoard from this folder (see INSTALL.txt). Environment variables as in README.md.
# Relative DATA_DIR or STATIC_DIR are taken from where this script was started.
case "\${DATA_DIR:-}" in '' | /*) ;; *) DATA_DIR="$PWD/$DATA_DIR"; export DATA_DIR ;; esac
case "\${STATIC_DIR:-}" in '' | /*) ;; *) STATIC_DIR="$PWD/$STATIC_DIR"; export STATIC_DIR ;; esac
cd "$(dirname "$0")" || exit 1
if [ -z "\${STATIC_DIR:-}" ]; then STATIC_DIR="$PWD/dist"; export STATIC_DIR; fi

# The native parts (better-sqlite3) were built for Node.js ${process.versions.node.split('.')[0]} (module ABI ${abi}).
abi=$(node -p process.versions.modules 2>/dev/null) || {
  echo "CaseBoard needs Node.js ${nodeMajor}: 'node' was not found on PATH." >&2
  exit 1
}
if [ "$abi" != "${abi}" ]; then
  echo "CaseBoard was packed for Node.js ${nodeMajor}; this machine has Node.js $(node -v). Install Node.js ${nodeMajor}." >&2
  exit 1
fi

# run-server.sh starts Node with the C library settings the server needs (glibc's mmap threshold).
exec sh ./run-server.sh dist-server/main.js "$@"
`;
}

function installText(version) {
  return `CaseBoard ${version} for Linux x86-64, Node.js ${nodeMajor}. Needs no network.

ENGLISH

1. Install Node.js ${nodeMajor} on the machine, then copy caseboard-${version}-linux-x64.tar.gz to it and unpack:
     tar xzf caseboard-${version}-linux-x64.tar.gz
     cd caseboard-${version}
2. On the first start, create the administrator:
     ADMIN_USERNAME=admin ADMIN_PASSWORD='a long password' ./start.sh
   Later starts need only:
     ./start.sh
3. Open http://<this machine>:8080 (PORT and HOST change the port and address).
4. The data (SQLite database and case files) is in ./data inside this folder, or in DATA_DIR if
   set. Back up that folder. Stop the server with Ctrl+C or SIGTERM: it stores every open case first.
Every setting is an environment variable; see the table in README.md.

TIẾNG VIỆT

1. Cài Node.js ${nodeMajor} trên máy, chép tệp caseboard-${version}-linux-x64.tar.gz vào máy rồi giải nén:
     tar xzf caseboard-${version}-linux-x64.tar.gz
     cd caseboard-${version}
2. Lần chạy đầu tiên, tạo tài khoản quản trị:
     ADMIN_USERNAME=admin ADMIN_PASSWORD='mật khẩu dài' ./start.sh
   Những lần sau chỉ cần:
     ./start.sh
3. Mở http://<địa chỉ máy này>:8080 (đổi cổng và địa chỉ bằng PORT và HOST).
4. Dữ liệu (cơ sở dữ liệu SQLite và tài liệu hồ sơ) nằm trong thư mục ./data của thư mục này, hoặc
   trong DATA_DIR nếu có đặt. Hãy sao lưu thư mục đó. Dừng máy chủ bằng Ctrl+C hoặc SIGTERM: máy chủ
   lưu mọi hồ sơ đang mở trước khi dừng.
Mọi thiết lập đều là biến môi trường; xem bảng trong README.md.
`;
}
