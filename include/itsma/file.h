/* SPDX-License-Identifier: Apache-2.0 */
/**
 * @file itsma/file.h
 * @brief Reading and writing whole files the way the library does it: bounded reads of
 * regular files and pipes, and writes that never destroy a device, pipe or link.
 *
 * The library's own load and save functions use these, so a C program or the `itsma`
 * command can read and write files with exactly the same rules (see docs/robustness.md).
 */
#ifndef ITSMA_FILE_H
#define ITSMA_FILE_H

#include "common.h"
#include "errors.h"

ITSMA_BEGIN_DECL

/**
 * Write @p len bytes to @p path without ever destroying what @p path names:
 *
 * - a missing file or a regular file is replaced atomically: the bytes go to a temporary
 *   file in the same folder (`<name>.tmp-XXXXXX`), which is synced and renamed over the
 *   target, so a reader sees the old or the new content, never a mix. A replaced file keeps
 *   its permission bits (0600 stays 0600) and, where allowed, its owner and group; a new
 *   file gets 0666 less the umask. Hard links to the old file keep the old content.
 * - a symbolic link stays a link: the file it points to (followed to the end of the chain,
 *   created if it is missing) is replaced atomically in that file's own folder.
 * - a character device (`/dev/null`, a terminal) or a FIFO is opened and written into
 *   directly, never replaced; a path that names this process's standard output or error
 *   (`/dev/stdout`, `/dev/fd/2`, ...) is written to that descriptor.
 * - a directory, a socket or a block device is refused (#ITSMA_EIO with `EISDIR`,
 *   `ENXIO` or `EPERM` in `sys_errno`) and left alone.
 *
 * The kind of target is decided from the descriptor opened for it (`fstat`), not from an
 * earlier look at the path. When the write fails the temporary file is removed; a process
 * killed during the write may leave one behind (the target itself is untouched).
 *
 * @param path the file to write. @param data the bytes (may be NULL when @p len is 0).
 * @param len the number of bytes. @param err details on failure, or NULL.
 * @return 0, #ITSMA_EINVAL (empty path), #ITSMA_EIO (with `sys_errno`), #ITSMA_ENOMEM.
 * **Ownership:** nothing is kept. **Thread safety:** safe (the umask is read, never set).
 */
ITSMA_EXTERN(int) itsma_file_write(const char *path, const void *data, size_t len, itsma_error *err)
    ITSMA_WARN_UNUSED;

/**
 * Read a whole file into memory, reading at most @p max_bytes bytes.
 *
 * Regular files and pipes (FIFOs, `/dev/fd/N` of a pipe, process substitution) are read;
 * a directory, character device (`/dev/zero`), block device or socket is refused with
 * #ITSMA_EIO without reading a byte, so reading cannot grow without bound. The file is
 * opened without blocking, checked with `fstat` on that descriptor, and only then read.
 *
 * @param[out] out the bytes, NUL-terminated (the NUL is not counted). Owned: release with
 *        itsma_free(). NULL on failure.
 * @param[out] len_out the number of bytes read.
 * @param path the file. @param max_bytes the limit; 0 means #ITSMA_DEFAULT_MAX_BYTES
 *        (itsma/catalogue.h).
 * @param err details on failure, or NULL.
 * @return 0, #ITSMA_EIO (with `sys_errno`), #ITSMA_ELIMIT (over @p max_bytes),
 *         #ITSMA_ENOMEM, #ITSMA_EINVAL (NULL path).
 * **Thread safety:** safe.
 */
ITSMA_EXTERN(int) itsma_file_read(char **out, size_t *len_out, const char *path, size_t max_bytes,
                                  itsma_error *err) ITSMA_WARN_UNUSED;

/**
 * As itsma_file_read(), from a descriptor the caller opened (standard input, say). The
 * descriptor is read to its end and left open. The same kinds are refused, except that a
 * terminal is read (a user typing a document).
 *
 * @param source_name the name used in errors ("<stdin>"); NULL means "<fd>".
 */
ITSMA_EXTERN(int) itsma_file_read_fd(char **out, size_t *len_out, int fd, const char *source_name,
                                     size_t max_bytes, itsma_error *err) ITSMA_WARN_UNUSED;

ITSMA_END_DECL

#endif /* ITSMA_FILE_H */
