/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "ethos-test-document.h"

static const char *clauses[][2] = {
  { "About our services",
    "We offer counseling, case management and referral to other services. Your counselor will "
    "explain how sessions work, how long they last and what you can expect from them." },
  { "Your right to stop",
    "You may withdraw your consent at any time, for any reason, without penalty. We will explain "
    "what happens to your records and help you find other services if you wish." },
  { "Questions before you sign",
    "Ask us any questions before you sign this form. We want you to understand it fully, and you "
    "may take it home to read before you decide." },
  { "Your privacy and its limits",
    "We keep what you tell us private. The law requires us to share information when someone is "
    "in danger of serious harm, when a child or vulnerable adult may be abused, or when a court "
    "orders it." },
  { "Records",
    "We keep a record of each session in a locked cabinet or an encrypted computer system for "
    "seven years after services end. You may ask to see your record." },
  { "Technology",
    "If we meet by video or telephone, we use services that protect your privacy. Email and text "
    "messages are not fully private; please do not use them in an emergency." },
  { "Mandated services",
    "If a court or agency requires you to attend, you still have the right to consent or refuse. "
    "We will tell you what we must report to the referring authority and what may happen if you "
    "refuse." },
  { "Fees",
    "Sessions cost the amount agreed below. Tell us if you cannot pay; we offer a sliding scale "
    "and will not stop services without helping you find another option." },
};

EthosBlock *
ethos_test_document_add_text (EthosDocument  *doc,
                              EthosBlockKind  kind,
                              const char     *text)
{
  EthosBlock *block = ethos_document_add_block (doc, kind);

  ethos_block_add_span (block, ETHOS_SPAN_TEXT, text);
  return block;
}

EthosBlock *
ethos_test_document_add_signature (EthosDocument *doc,
                                   const char    *role,
                                   const char    *name)
{
  EthosBlock *block = ethos_document_add_block (doc, ETHOS_BLOCK_SIGNATURE);

  block->label = g_strdup (role);
  block->value = g_strdup (name);
  block->name_caption = g_strdup ("Printed name");
  block->date_caption = g_strdup ("Date");
  return block;
}

EthosDocument *
ethos_test_document_new_form (const char *name,
                              EthosPaper  paper)
{
  static const char * const letterhead[] = {
    "Riverside Family Services", "120 Main Street, Springfield, IL 62701",
    "Phone (217) 555-0100", NULL,
  };
  EthosDocument *doc = ethos_document_new ("Informed Consent for Services", "en", paper);
  EthosBlock *block;

  doc->footer = g_strdup ("informed-consent 1.0 · NOHS 2024 · en");
  doc->page_format = g_strdup ("Page %u of %u");

  block = ethos_document_add_block (doc, ETHOS_BLOCK_HEADER);
  block->lines = g_strdupv ((char **) letterhead);
  ethos_test_document_add_text (doc, ETHOS_BLOCK_TITLE, "Informed Consent for Services");

  block = ethos_document_add_block (doc, ETHOS_BLOCK_FIELD);
  block->label = g_strdup ("Client name");
  block->value = g_strdup (name);
  block = ethos_document_add_block (doc, ETHOS_BLOCK_FIELD);
  block->label = g_strdup ("Date of birth");
  block = ethos_document_add_block (doc, ETHOS_BLOCK_FIELD);
  block->label = g_strdup ("Counselor");
  block->value = g_strdup ("Dana Smith, LCSW");

  for (guint i = 0; i < G_N_ELEMENTS (clauses); i++)
    {
      ethos_test_document_add_text (doc, ETHOS_BLOCK_HEADING, clauses[i][0]);
      block = ethos_document_add_block (doc, ETHOS_BLOCK_PARAGRAPH);
      ethos_block_add_span (block, ETHOS_SPAN_TEXT, "You, ");
      ethos_block_add_span (block, ETHOS_SPAN_VALUE, name);
      ethos_block_add_span (block, ETHOS_SPAN_TEXT, ", should know this. ");
      ethos_block_add_span (block, ETHOS_SPAN_TEXT, clauses[i][1]);
      ethos_test_document_add_text (doc, ETHOS_BLOCK_BULLET,
                                    "We will go over this part with you at the first session "
                                    "and again whenever you ask.");
      ethos_test_document_add_text (doc, ETHOS_BLOCK_BULLET,
                                    "Nothing in this section limits your rights under the law.");
      block = ethos_document_add_block (doc, ETHOS_BLOCK_CHECKBOX);
      block->checked = i % 2 == 0;
      ethos_block_add_span (block, ETHOS_SPAN_TEXT, "I have read and understood this section: ");
      ethos_block_add_span (block, ETHOS_SPAN_BLANK, "Initials");
    }

  ethos_test_document_add_signature (doc, "Client", name);
  block = ethos_test_document_add_signature (doc, "Guardian", NULL);
  block->note = g_strdup ("if applicable");
  ethos_test_document_add_signature (doc, "Counselor", "Dana Smith, LCSW");
  return doc;
}

char *
ethos_test_layout_text (EthosLayout *layout,
                        guint        page,
                        int          role)
{
  GString *out = g_string_new (NULL);
  guint n_ops;
  const EthosOp *ops = ethos_layout_get_ops (layout, page, &n_ops);
  double last_y = -1;

  for (guint i = 0; i < n_ops; i++)
    {
      if (ops[i].kind != ETHOS_OP_TEXT || (role >= 0 && (int) ops[i].role != role))
        continue;
      if (out->len > 0 && ops[i].y != last_y)
        g_string_append_c (out, '\n');
      g_string_append (out, ops[i].text);
      last_y = ops[i].y;
    }
  return g_string_free (out, FALSE);
}
