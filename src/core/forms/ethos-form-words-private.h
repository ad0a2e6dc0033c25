/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Words printed on the form itself, in the form's language (not the UI's). */
typedef struct
{
  const char *lang;
  const char *months[12];
  gboolean    day_first;       /* "23 de noviembre de 2026" rather than "November 23, 2026" */
  const char *page_format;
  const char *applies;         /* caption of the check box on a conditional clause */
  const char *if_applicable;
  const char *printed_name;
  const char *date;
  const char *client_name, *date_of_birth, *form_date;
  const char *roles[7];        /* same order as _ethos_form_role_ids */
  const char *yes, *no;
  const char *adapted;         /* footer mark of a form reworded for one client */
  /* The accessible HTML form: what a screen reader says for a blank
   * ("To fill in: " + the field), a box, a signature line. */
  const char *fill_in, *unticked_box, *ticked_box, *signature;
} EthosFormWords;


/* client, guardian1, guardian2, assent, professional, witness, sponsor */
extern const char * const _ethos_form_role_ids[7];

/* The words for @lang, or NULL when forms cannot be printed in it. */
const EthosFormWords *_ethos_form_words_for (const char *lang);

G_END_DECLS
