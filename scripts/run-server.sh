#!/bin/sh
# Runs Node.js with the arguments given (`sh scripts/run-server.sh dist-server/main.js`) and the C
# library settings the server needs, which must be in the environment when the process starts.
#
# glibc returns a freed block of more than 128 KiB to the system only while its "mmap threshold"
# has not moved; the first such block freed raises the threshold to its size (up to 32 MiB). Each
# password check (scrypt, N = 16384, r = 8) allocates 16 MiB on one of libuv's threads, so after
# that every check's 16 MiB stays in that thread's malloc arena: 20–60 MiB of a server's memory
# after a few log-ins (docs/performance.md). A fixed threshold keeps glibc's default of 128 KiB.
# Other C libraries (musl, macOS) ignore the variable; it is set only on glibc, and never over a
# value the machine's owner chose.
if [ -z "${MALLOC_MMAP_THRESHOLD_+set}" ] && getconf GNU_LIBC_VERSION >/dev/null 2>&1; then
  MALLOC_MMAP_THRESHOLD_=131072
  export MALLOC_MMAP_THRESHOLD_
fi
exec node "$@"
