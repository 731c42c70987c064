/* cluster.h -- the first stage, articles in (cluster.c): what the other
   input paths (web pages, the story stream) share with it.  The public
   precis_cluster_* functions are in precis.h. */
#ifndef PRECIS_CLUSTER_H
#define PRECIS_CLUSTER_H
#include "internal.h"

/* Sets the cluster's error message (for adders living in other files). */
void cluster_set_error(precis_cluster *c, const char *msg);

/* cluster_check_article validates an article strictly (size, valid UTF-8
   without NUL bytes, metadata strings, emptiness; no charset decoding);
   on success *skip is the length of a leading " date ..." metadata line,
   *ds / *dl the span of that date (dl 0 if none).  cluster_parse_json
   parses one JSON Lines article record, with c's error message on
   failure: the strings of *a and *lang point into *hold, released with
   cluster_json_release(); an integer "id" is written into idbuf. */
#define CLUSTER_IDBUF 32
precis_status cluster_check_article(const precis_article *a, size_t *skip, size_t *ds,
                                    size_t *dl, char *err, size_t cap);
precis_status cluster_parse_json(precis_cluster *c, const char *line, size_t len,
                                 precis_article *a, const char **lang, char *idbuf,
                                 void **hold);
void cluster_json_release(void *hold);

#endif
