/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ethos-form"

#include "config.h"

#include "ethos-form-words-private.h"

/* What a form prints besides the template's own text, in each language a
 * form can be printed in (the form's language, not the UI's). */

const char * const _ethos_form_role_ids[7] = {
  "client", "guardian1", "guardian2", "assent", "professional", "witness", "sponsor"
};

static const EthosFormWords words[] = {
  { "en",
    { "January", "February", "March", "April", "May", "June", "July", "August", "September",
      "October", "November", "December" },
    FALSE, "Page %u of %u", "Applies", "if applicable", "Printed name", "Date",
    "Client name", "Date of birth", "Date",
    { "Client", "Parent, guardian or legal representative", "Second parent, guardian or legal "
      "representative", "Minor's assent", "Professional", "Witness", "Sponsor" },
    "yes", "no", "adapted",
    "To fill in: ", "unticked box", "ticked box", "Signature" },
  { "es",
    { "enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre",
      "octubre", "noviembre", "diciembre" },
    TRUE, "Página %u de %u", "Corresponde", "si corresponde",
    "Nombre en letra de molde", "Fecha",
    "Nombre del cliente", "Fecha de nacimiento", "Fecha",
    { "Cliente", "Madre, padre, tutor o representante legal", "Otro padre, madre, tutor o "
      "representante legal", "Asentimiento del menor", "Profesional", "Testigo",
      "Patrocinador" },
    "sí", "no", "adaptado",
    "Para completar: ", "casilla sin marcar", "casilla marcada", "Firma" },
};

const EthosFormWords *
_ethos_form_words_for (const char *lang)
{
  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    if (g_str_equal (words[i].lang, lang))
      return &words[i];
  return NULL;
}
