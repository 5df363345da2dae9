/*
 * stat(), lstat(), fstat() and fstatat() for a module linked against glibc 2.28.
 *
 * Before glibc 2.33 these are not exported by libc.so: programs get small wrappers from
 * libc_nonshared.a that call the exported __xstat64 family. zig 0.11 compiles its own
 * replacements instead, and they return -1 without setting errno (measured: lstat() of a missing
 * file gives errno 0). SQLite's unixFullPathname() treats "lstat failed and errno is not ENOENT"
 * as SQLITE_CANTOPEN, so no new database file could be created. These definitions are linked
 * before zig's and do what glibc's own libc_nonshared.a does.
 *
 * Compiled without _FILE_OFFSET_BITS (so stat and stat64 are distinct names); on the 64-bit
 * targets built here both structures have the same layout.
 */
#define _LARGEFILE64_SOURCE 1
#include <sys/stat.h>

#if defined(__x86_64__)
#define STAT_VER 1 /* _STAT_VER_LINUX on x86-64 */
#elif defined(__aarch64__)
#define STAT_VER 0 /* _STAT_VER_LINUX on AArch64 (the generic kernel struct) */
#else
#error "stat-glibc228.c: only x86-64 and AArch64 are built"
#endif

extern int __xstat64(int ver, const char *file, struct stat64 *buf);
extern int __lxstat64(int ver, const char *file, struct stat64 *buf);
extern int __fxstat64(int ver, int fd, struct stat64 *buf);
extern int __fxstatat64(int ver, int dirfd, const char *file, struct stat64 *buf, int flags);

int stat64(const char *file, struct stat64 *buf) { return __xstat64(STAT_VER, file, buf); }
int lstat64(const char *file, struct stat64 *buf) { return __lxstat64(STAT_VER, file, buf); }
int fstat64(int fd, struct stat64 *buf) { return __fxstat64(STAT_VER, fd, buf); }
int fstatat64(int dirfd, const char *file, struct stat64 *buf, int flags) { return __fxstatat64(STAT_VER, dirfd, file, buf, flags); }

int stat(const char *file, struct stat *buf) { return __xstat64(STAT_VER, file, (struct stat64 *)buf); }
int lstat(const char *file, struct stat *buf) { return __lxstat64(STAT_VER, file, (struct stat64 *)buf); }
int fstat(int fd, struct stat *buf) { return __fxstat64(STAT_VER, fd, (struct stat64 *)buf); }
int fstatat(int dirfd, const char *file, struct stat *buf, int flags) { return __fxstatat64(STAT_VER, dirfd, file, (struct stat64 *)buf, flags); }
