#define _GNU_SOURCE
#include "CSafeOutput.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

#ifndef RENAME_EXCHANGE
#define RENAME_EXCHANGE (1 << 1)
#endif

int lexgap_exchange(const char *first, const char *second) {
#ifdef SYS_renameat2
    return (int)syscall(SYS_renameat2, AT_FDCWD, first, AT_FDCWD, second, RENAME_EXCHANGE);
#else
    errno = ENOSYS;
    return -1;
#endif
}

enum { slot_count = 64, path_limit = 4096 };

/// A slot is in use while `used` is 1; the handler reads only slots whose path is complete.
static struct {
    volatile sig_atomic_t used;
    int is_folder;
    char path[path_limit];
} slots[slot_count];

/// Removes a folder and what it holds, without following links (unlinkat on a link removes the link).
static void remove_tree(int parent, const char *name) {
    int fd = openat(parent, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW);
    if (fd >= 0) {
        DIR *dir = fdopendir(fd);
        if (dir) {
            struct dirent *entry;
            while ((entry = readdir(dir)) != NULL) {
                if (strcmp(entry->d_name, ".") == 0 || strcmp(entry->d_name, "..") == 0) continue;
                if (unlinkat(fd, entry->d_name, 0) != 0) remove_tree(fd, entry->d_name);
            }
            closedir(dir);
        } else {
            close(fd);
        }
    }
    unlinkat(parent, name, AT_REMOVEDIR);
}

static void cleanup_and_reraise(int signal_number) {
    for (int index = 0; index < slot_count; index++) {
        if (slots[index].used != 1) continue;
        if (slots[index].is_folder) {
            remove_tree(AT_FDCWD, slots[index].path);
        } else {
            unlink(slots[index].path);
        }
    }
    signal(signal_number, SIG_DFL);
    raise(signal_number);
}

void lexgap_install_cleanup(void) {
    static int installed = 0;
    if (installed) return;
    installed = 1;
    int signals[] = {SIGINT, SIGTERM, SIGHUP};
    for (unsigned index = 0; index < sizeof signals / sizeof signals[0]; index++) {
        struct sigaction action;
        memset(&action, 0, sizeof action);
        action.sa_handler = cleanup_and_reraise;
        sigemptyset(&action.sa_mask);
        sigaction(signals[index], &action, NULL);
    }
}

int lexgap_register_cleanup(const char *path, int is_folder) {
    if (strlen(path) >= path_limit) return -1;
    for (int index = 0; index < slot_count; index++) {
        if (__sync_bool_compare_and_swap(&slots[index].used, 0, 2)) {
            strcpy(slots[index].path, path);
            slots[index].is_folder = is_folder;
            __sync_synchronize();
            slots[index].used = 1;
            return index;
        }
    }
    return -1;
}

void lexgap_unregister_cleanup(int slot) {
    if (slot < 0 || slot >= slot_count) return;
    slots[slot].used = 0;
}
