/* The physical floor for reading lexgap's data: parse every YAML file to libyaml events and count them. No tree, no
 * model, no validation: nothing that reads these files can be faster. Reads files in the order given.
 *
 *     cc -O2 -o floor floor.c -lyaml        (Debian: apt-get install libyaml-dev)
 *     ./floor DIR
 */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <yaml.h>

static long count_events(const char *path) {
    FILE *file = fopen(path, "rb");
    if (!file) { perror(path); exit(2); }
    yaml_parser_t parser;
    yaml_event_t event;
    long events = 0;
    yaml_parser_initialize(&parser);
    yaml_parser_set_input_file(&parser, file);
    for (;;) {
        if (!yaml_parser_parse(&parser, &event)) { fprintf(stderr, "%s: %s\n", path, parser.problem); exit(1); }
        events++;
        int done = event.type == YAML_STREAM_END_EVENT;
        yaml_event_delete(&event);
        if (done) break;
    }
    yaml_parser_delete(&parser);
    fclose(file);
    return events;
}

int main(int argc, char **argv) {
    if (argc != 2) { fprintf(stderr, "usage: floor DIR\n"); return 2; }
    DIR *dir = opendir(argv[1]);
    if (!dir) { perror(argv[1]); return 2; }
    struct dirent *entry;
    long files = 0, events = 0;
    char path[4096];
    while ((entry = readdir(dir))) {
        size_t n = strlen(entry->d_name);
        if (n < 5 || strcmp(entry->d_name + n - 5, ".yaml") != 0) continue;
        snprintf(path, sizeof path, "%s/%s", argv[1], entry->d_name);
        events += count_events(path);
        files++;
    }
    closedir(dir);
    printf("%ld files, %ld events\n", files, events);
    return 0;
}
