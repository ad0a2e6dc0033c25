/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Shared by the TrueType subsetter's reader (ethos-ttf-subset.c) and
 * writer (ethos-ttf-write.c). */

enum { T_OS2, T_CMAP, T_CVT, T_FPGM, T_GLYF, T_HEAD, T_HHEA, T_HMTX, T_LOCA, T_MAXP, T_NAME,
       T_POST, T_PREP, N_TABLES };
extern const char _ethos_ttf_tags[N_TABLES][5];

/* Composite glyph flags. */
#define ARG_1_AND_2_ARE_WORDS    0x0001
#define ARGS_ARE_XY_VALUES       0x0002
#define ROUND_XY_TO_GRID         0x0004
#define WE_HAVE_A_SCALE          0x0008
#define MORE_COMPONENTS          0x0020
#define WE_HAVE_AN_X_AND_Y_SCALE 0x0040
#define WE_HAVE_A_TWO_BY_TWO     0x0080
#define WE_HAVE_INSTRUCTIONS     0x0100
#define USE_MY_METRICS           0x0200
#define OVERLAP_COMPOUND         0x0400
#define SCALED_COMPONENT_OFFSET  0x0800

typedef struct
{
  const guint8 *data;
  gsize         length;
} Table;

typedef struct
{
  guint16  flags;
  guint16  glyph;      /* old glyph id; new id once written */
  double   a, b, c, d; /* x' = a·x + c·y + dx, y' = b·x + d·y + dy */
  double   dx, dy;
  int      arg1, arg2; /* point numbers when !ARGS_ARE_XY_VALUES */
} Component;

typedef struct
{
  Table         tables[N_TABLES];
  guint         n_glyphs;
  guint         n_hmetrics;
  gboolean      long_loca;
  GArray       *order;       /* guint16 old ids, in new id order */
  guint16      *new_ids;     /* old → new, 0xFFFF when not kept */
  GPtrArray    *composites;  /* per new id: GArray of Component, or NULL for a simple glyph */
} Subset;

typedef struct
{
  guint16 ch;
  guint16 glyph;
} CharGlyph;

/* The first component of a flattened composite carries this (reserved)
 * flag bit: its instructions no longer apply. Never written out. */
#define FLATTENED 0x8000

static inline guint16
get16 (const guint8 *p)
{
  return (guint16) (p[0] << 8 | p[1]);
}

static inline guint32
get32 (const guint8 *p)
{
  return (guint32) p[0] << 24 | (guint32) p[1] << 16 | (guint32) p[2] << 8 | p[3];
}

gboolean _ethos_ttf_glyph_data      (Subset        *s,
                                     guint          glyph,
                                     const guint8 **data,
                                     gsize         *length);
int      _ethos_ttf_compare_chars   (gconstpointer  a,
                                     gconstpointer  b);
void     _ethos_ttf_write_glyf_loca (Subset        *s,
                                     GByteArray    *glyf,
                                     GByteArray    *loca,
                                     guint         *max_components);
void     _ethos_ttf_write_hmtx      (Subset        *s,
                                     GByteArray    *hmtx);
gboolean _ethos_ttf_write_cmap      (GArray        *pairs,
                                     guint          max_gap,
                                     GByteArray    *cmap);
void     _ethos_ttf_set16           (GByteArray    *out,
                                     gsize          at,
                                     guint          v);
void     _ethos_ttf_set32           (GByteArray    *out,
                                     gsize          at,
                                     guint32        v);
void     _ethos_ttf_put32           (GByteArray    *out,
                                     guint32        v);
GBytes  *_ethos_ttf_assemble        (Subset        *s,
                                     GByteArray   **built);

G_END_DECLS
