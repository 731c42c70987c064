/* t_load.h -- loading clusters for the analysis tests: a JSON Lines file
   of articles, or every *.txt file of a directory (sorted by name, each
   one article with its file name as id).  Both return NULL when the file
   or directory is missing (optional data), and count a rejected article
   as a failed check.  Include after t.h. */
#ifndef PRECIS_T_LOAD_H
#define PRECIS_T_LOAD_H
#include "precis.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int t_cmp_name(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static precis_cluster *t_load_jsonl(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    precis_cluster *c = precis_cluster_new();
    static char line[1 << 16];
    while (fgets(line, sizeof line, f)) {
        size_t n = strlen(line);
        while (n && (line[n - 1] == '\n' || line[n - 1] == '\r'))
            line[--n] = 0;
        if (n)
            T_EQ_INT(precis_cluster_add_json(c, line, n), PRECIS_OK);
    }
    fclose(f);
    return c;
}

static precis_cluster *t_load_dir(const char *dir)
{
    DIR *d = opendir(dir);
    if (!d)
        return NULL;
    char *names[64];
    size_t n = 0;
    struct dirent *e;
    while ((e = readdir(d)) && n < 64)
        if (strstr(e->d_name, ".txt"))
            names[n++] = strdup(e->d_name);
    closedir(d);
    qsort(names, n, sizeof *names, t_cmp_name);
    precis_cluster *c = precis_cluster_new();
    static char buf[1 << 20];
    for (size_t i = 0; i < n; i++) {
        char path[2048];
        snprintf(path, sizeof path, "%s/%s", dir, names[i]);
        FILE *f = fopen(path, "rb");
        size_t len = f ? fread(buf, 1, sizeof buf, f) : 0;
        if (f)
            fclose(f);
        precis_article a = {.id = names[i], .text = buf, .text_len = len};
        T_EQ_INT(precis_cluster_add(c, &a), PRECIS_OK);
        free(names[i]);
    }
    return c;
}
#endif
