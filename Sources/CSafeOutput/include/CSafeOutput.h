#ifndef LEXGAP_CSAFEOUTPUT_H
#define LEXGAP_CSAFEOUTPUT_H

/// Swaps two paths in one step (Linux renameat2 with RENAME_EXCHANGE): at every instant each path holds either the
/// old or the new entry. Returns 0, or -1 with errno set (EINVAL or ENOSYS where the file system cannot).
int lexgap_exchange(const char *first, const char *second);

/// Installs handlers for SIGINT, SIGTERM and SIGHUP that remove the registered temporary files and folders, then
/// let the signal end the process as it would have. Safe to call more than once.
void lexgap_install_cleanup(void);

/// Registers a temporary file (is_folder 0) or folder (1) to remove if the process is interrupted. Returns a slot to
/// unregister, or -1 when every slot is taken (the path is then only swept by a later run).
int lexgap_register_cleanup(const char *path, int is_folder);

void lexgap_unregister_cleanup(int slot);

#endif
