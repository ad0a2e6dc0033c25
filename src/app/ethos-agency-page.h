/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "ethos-agency-profile.h"

G_BEGIN_DECLS

#define ETHOS_TYPE_AGENCY_PAGE (ethos_agency_page_get_type ())

G_DECLARE_FINAL_TYPE (EthosAgencyPage, ethos_agency_page, ETHOS, AGENCY_PAGE, GtkWidget)

/* Forms → Agency: the agency profile every form starts from — name,
 * address, phone, complaints, crisis and emergency numbers, professional
 * body, fees and session length (an English and a Spanish value where a
 * client reads it), the form language and paper, the logo — saved as it is
 * typed, and exported for IT to deploy. What a deployed profile locks is
 * shown, not editable. "changed" follows every save. */
EthosAgencyPage *ethos_agency_page_new          (void);
/* Shows @db's profile over @deployed (may be NULL); both borrowed. */
void             ethos_agency_page_set_profile  (EthosAgencyPage          *self,
                                                 EthosUserDb              *db,
                                                 const EthosAgencyProfile *deployed);
/* Saves what is still waiting to be saved (typing is saved after a pause). */
gboolean         ethos_agency_page_flush        (EthosAgencyPage          *self,
                                                 GError                  **error);
/* What choosing or dropping a logo does: checked by the core first; a bad
 * image is refused (and said in a dialog by the page), the old logo kept. */
gboolean         ethos_agency_page_set_logo_file (EthosAgencyPage         *self,
                                                 GFile                    *file,
                                                 GError                  **error);
/* Export's last step, without the file chooser. */
gboolean         ethos_agency_page_export_to    (EthosAgencyPage          *self,
                                                 GFile                    *file,
                                                 GError                  **error);
/* For tests: a value's row (@lang NULL for one without languages), the logo. */
GtkWidget       *ethos_agency_page_get_row      (EthosAgencyPage          *self,
                                                 const char               *field,
                                                 const char               *lang);
GtkWidget       *ethos_agency_page_get_logo     (EthosAgencyPage          *self);

G_END_DECLS
