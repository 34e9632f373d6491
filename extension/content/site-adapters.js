/**
 * Site adapters: DATA ONLY. Every selector and every localised label the
 * content script relies on to understand Facebook's pages lives here, so a
 * change on Facebook's side is a data fix. Structure is matched first
 * (selectors, roles), labels second. Facebook's Bangla labels are not
 * verified live; add spellings here as they are seen.
 *
 * A label list is `{ exact, prefix, suffix, contains }`, each a list of
 * strings compared case-insensitively after NFC normalisation, removal of
 * zero-width characters, collapsing of whitespace and dropping of a trailing
 * ellipsis ("…" or "...") (see label-match.js).
 *
 * The label lists and selector lists below are extended at run time by the
 * `siteAdapterOverrides` policy (adapter-overrides.js), so IT can answer a
 * Facebook change the same day; the built-in entries always stay.
 */

/** Host names that select a surface. */
export const HOSTS = Object.freeze({
  /** Meta Business Suite: always the official context. */
  business: ["business.facebook.com"],
  /** The mobile site (MComponent DOM since mbasic.facebook.com closed in 2024), whose composers are plain textareas. */
  mobile: ["m.facebook.com"],
});

/** Selectors for editable boxes that may be composers. `extra` is filled from policy (siteAdapterOverrides.editorSelectors). */
export const EDITOR_SELECTORS = {
  /** Lexical editors: the create-post dialog, group/page boxes, comments, replies, post editing. */
  lexical: 'div[contenteditable="true"][role="textbox"][data-lexical-editor="true"]',
  /** Business Suite's composer: a contenteditable combobox. */
  businessCombobox: '[contenteditable="true"][role="combobox"]',
  /** Any other rich-text box that is still a textbox (older composers). */
  genericTextbox: '[contenteditable="true"][role="textbox"]',
  /** Business Suite's older Draft.js editor. */
  draftJs: 'div.notranslate._5rpu[contenteditable="true"]',
  /** m.facebook.com composers: a textarea (in `div[data-mcomponent="MInputBox"]` for posts, `div.mentions-text` for comments). */
  mobileTextarea: "textarea",
  /** Added by policy. */
  extra: [],
};

/** Lexical's DOM vocabulary, for reading text (design §5). */
export const LEXICAL_DOM = Object.freeze({
  /** A text leaf: `span[data-lexical-text]`. */
  textAttribute: "data-lexical-text",
  /** `<br data-lexical-managed-linebreak>` placeholders are not text. */
  managedLineBreakAttribute: "data-lexical-managed-linebreak",
  /** Decorator nodes (embeds, some emoji) are not text. */
  decoratorAttribute: "data-lexical-decorator",
  /** Boundary images around decorators. */
  decoratorBoundaryAttribute: "data-lexical-decorator-boundary",
  /** Elements that start a new line of text. */
  blockTags: ["P", "DIV", "LI", "H1", "H2", "H3", "H4", "H5", "H6", "BLOCKQUOTE", "PRE", "UL", "OL"],
});

/**
 * What counts as a control that may send (structure first): ARIA buttons,
 * real buttons, and today's m.facebook.com controls, which are focusable
 * `div[data-mcomponent="MContainer"]` blocks with no role and no label.
 * `extra` is filled from policy (siteAdapterOverrides.controlSelectors).
 */
export const CONTROLS = {
  selector: '[role="button"], button, input[type="submit"], [data-focusable][tabindex="0"], [data-mcomponent="MContainer"][tabindex="0"]',
  /**
   * Containers whose controls send the composer next to them whatever their
   * label (Facebook's comment send slot). `extra` from policy (sendSlotSelectors).
   */
  sendSlots: ["#focused-state-composer-submit"],
  /** A control whose visible text has no letter or digit is an icon (m.facebook.com's send glyph). */
  iconTextPattern: "^[^\\p{L}\\p{N}]{0,3}$",
  extra: [],
  sendSlotsExtra: [],
};

/** Controls that publish what is in a composer (matched by aria-label, else visible text). */
export const SUBMIT_BUTTONS = {
  /** Labels (aria-label first, then visible text). */
  labels: {
    exact: [
      // English
      "Post",
      "Publish",
      "Share",
      "Share now",
      "Share now (Public)",
      "Schedule",
      "Schedule post",
      "Save",
      "Update",
      "Comment",
      "Post comment",
      "Reply",
      "Post reply",
      "Answer",
      "Send",
      // Bangla (either spelling of য় is fine: labels are NFC-normalised)
      "পোস্ট",
      "পোস্ট করুন",
      "প্রকাশ করুন",
      "প্রকাশ",
      "শেয়ার করুন",
      "শেয়ার",
      "এখনই শেয়ার করুন",
      "শিডিউল করুন",
      "সময় নির্ধারণ করুন",
      "সংরক্ষণ করুন",
      "আপডেট করুন",
      "মন্তব্য পোস্ট করুন",
      "কমেন্ট পোস্ট করুন",
      "উত্তর পোস্ট করুন",
      "উত্তর দিন",
      "পাঠান",
    ],
    prefix: [],
    suffix: [],
    contains: [],
  },
  /**
   * Labels that are never a send: target pickers ("Post to …") and controls
   * that only open a comment box ("Leave a comment", bn "মন্তব্য করুন").
   */
  notSubmit: {
    exact: ["Leave a comment", "Write a comment", "Comment on this post", "মন্তব্য করুন", "কমেন্ট করুন", "একটি মন্তব্য করুন", "মন্তব্য লিখুন", "Not now", "এখন নয়"],
    prefix: ["Post to ", "Share to ", "Share in "],
    suffix: ["-এ পোস্ট করুন", "এ শেয়ার করুন"],
    contains: [],
  },
};

/**
 * Controls that hand a draft on to a next step (a Page's "Create post" has
 * Next, which opens "Post settings"; sometimes Next itself publishes). Held
 * like a send while the draft has unresolved findings.
 */
export const HANDOFF_BUTTONS = {
  labels: {
    exact: ["Next", "Continue", "পরবর্তী", "পরবর্তী ধাপ", "পরের ধাপ", "এগিয়ে যান", "চালিয়ে যান"],
    prefix: [],
    suffix: [],
    contains: [],
  },
};

/** Controls of a later step that go back to the draft ("Edit post" in Sotorko's dialog uses them). */
export const BACK_BUTTONS = {
  labels: { exact: ["Back", "Go back", "ফিরে যান", "পিছনে যান", "পেছনে যান", "পূর্ববর্তী"], prefix: [], suffix: [], contains: [] },
};

/** Controls that close or discard a composer: a click on them is never a hand-off of the draft. */
export const CLOSE_BUTTONS = {
  labels: {
    exact: ["Close", "Cancel", "Discard", "Discard post", "Exit", "বন্ধ করুন", "বাতিল", "বাতিল করুন", "বাদ দিন", "বের হন"],
    prefix: [],
    suffix: [],
    contains: [],
  },
};

/** How long a handed-off draft (its dialog hidden or removed) stays tied to later steps' controls. */
export const HANDOFF = {
  maxAgeMs: 30 * 60 * 1000,
  /** A composer removed this soon after a control of its dialog was used was handed off (else: closed). */
  removedWithinMs: 5000,
};

/** Comment boxes: Enter submits. Structure first: `selectors` are comment boxes whatever their label. */
export const COMMENT_LABELS = {
  exact: [
    "Write a comment",
    "Write a public comment",
    "Write an answer",
    "মন্তব্য লিখুন",
    "একটি মন্তব্য লিখুন",
    "কমেন্ট লিখুন",
    "একটি কমেন্ট লিখুন",
    "সর্বজনীন মন্তব্য লিখুন",
  ],
  prefix: ["Comment as ", "Answer as ", "Write a comment", "Write a public comment", "মন্তব্য লিখুন", "কমেন্ট লিখুন"],
  suffix: [
    " হিসেবে মন্তব্য করুন",
    " হিসাবে মন্তব্য করুন",
    " হিসেবে মন্তব্য",
    " হিসাবে মন্তব্য",
    " হিসেবে কমেন্ট করুন",
    " হিসাবে কমেন্ট করুন",
    " হিসেবে কমেন্ট",
    " হিসাবে কমেন্ট",
  ],
  contains: [],
};

/** Structural comment boxes: m.facebook.com's comment textarea. Added to by policy (commentBoxSelectors). */
export const COMMENT_BOX_SELECTORS = ["div.mentions-text > textarea.internal-input"];

/** Reply boxes: Enter submits. */
export const REPLY_LABELS = {
  exact: ["Write a reply", "উত্তর লিখুন", "একটি উত্তর লিখুন"],
  prefix: ["Reply to ", "Reply as ", "Write a reply", "উত্তর লিখুন"],
  suffix: [" কে উত্তর দিন", "-কে উত্তর দিন", " হিসেবে উত্তর দিন", " হিসাবে উত্তর দিন"],
  contains: [],
};

/** Patterns that pull the posting identity out of a composer label ("Comment as Ministry X"). */
export const IDENTITY_FROM_LABEL = Object.freeze({
  prefix: ["Comment as ", "Answer as ", "Reply as ", "Post as ", "Post to "],
  suffix: [
    " হিসেবে মন্তব্য করুন",
    " হিসাবে মন্তব্য করুন",
    " হিসেবে কমেন্ট করুন",
    " হিসাবে কমেন্ট করুন",
    " হিসেবে মন্তব্য",
    " হিসাবে মন্তব্য",
    " হিসেবে উত্তর দিন",
    " হিসাবে উত্তর দিন",
    " হিসেবে পোস্ট করুন",
    " হিসাবে পোস্ট করুন",
    "-এ পোস্ট করুন",
  ],
});

/** Messenger: boxes that are chats, not posts. Ignored entirely. */
export const MESSENGER = {
  /** Structure: the message box placeholder. */
  placeholderAttribute: "aria-placeholder",
  placeholders: { exact: ["Aa", "Message", "বার্তা"], prefix: [], suffix: [], contains: [] },
  /** Structure: a chat lives in a landmark/region or a dialog with one of these labels. */
  containerSelector: '[role="region"], [role="complementary"], [role="dialog"], [role="main"], [role="log"], [role="grid"]',
  containerLabels: {
    exact: ["Messenger", "Chats", "Chat", "মেসেঞ্জার", "চ্যাট", "চ্যাটগুলো"],
    prefix: ["Messenger", "Chat with ", "Conversation with ", "মেসেঞ্জার"],
    suffix: [" এর সাথে চ্যাট", "-এর সাথে চ্যাট", " এর সাথে কথোপকথন"],
    contains: [],
  },
  /** Box labels that say "message". */
  boxLabels: { exact: ["Message", "বার্তা", "বার্তা লিখুন"], prefix: ["Message ", "Write a message", "Write to ", "বার্তা "], suffix: [], contains: [] },
  /** Messenger paths on facebook.com. */
  paths: ["/messages", "/messenger"],
};

/** Containers that group a composer with its submit button. Nearest first. */
export const COMPOSER_CONTAINERS = Object.freeze({
  dialog: '[role="dialog"]',
  form: "form",
  /** Facebook wraps comment composers in a form or a role-less div; walking up this many levels finds the button. */
  maxAncestorDepth: 12,
  /** m.facebook.com: how far up from a composer its screen (the ancestor holding its controls) is looked for. */
  mobileScreenDepth: 4,
});

/** Hints for deciding which page (identity) a composer belongs to. */
export const PAGE_IDENTITY = Object.freeze({
  /** Business Suite shows "Post to {Page}" near its composer. */
  postToLabels: { prefix: ["Post to ", "Posting to ", "Publish to "], suffix: ["-এ পোস্ট করুন", "এ পোস্ট করুন", "-এ প্রকাশ করুন"] },
  /** Elements whose text names the page or profile whose header the viewer is on. */
  pageHeaderSelector: '[role="main"] h1, h1',
  /** Elements inside a composer's dialog that name the author (the dialog's avatar/name row). */
  authorSelector: 'a[aria-label], [aria-label][role="img"], strong, h2, h3',
  /** URL paths that are not page names. */
  nonPagePaths: ["", "home.php", "watch", "groups", "marketplace", "gaming", "events", "notifications", "messages", "bookmarks", "search", "stories", "reel", "reels", "friends", "settings", "photo", "photo.php", "permalink.php", "story.php", "login", "pages"],
  /** `profile.php?id=…` carries the numeric id. */
  idQueryParameters: ["id"],
});

/** Facebook's dark mode marker on <html>. */
export const DARK_MODE = Object.freeze({ htmlClass: "__fb-dark-mode", lightClass: "__fb-light-mode" });

/**
 * Page hygiene (docs/review.md): the controls that open Facebook's profile
 * picture and cover photo flows, and the password-change form's fields.
 */
export const PAGE_HYGIENE = Object.freeze({
  /** Controls (buttons, menu items) that open the profile-picture or cover-photo flow, and those flows' dialogs. */
  photoFlowLabels: {
    exact: [
      "Update profile picture",
      "Update profile photo",
      "Edit profile picture",
      "Choose profile picture",
      "Update cover photo",
      "Edit cover photo",
      "Add cover photo",
      "Upload cover photo",
      "প্রোফাইল ছবি আপডেট করুন",
      "প্রোফাইলের ছবি আপডেট করুন",
      "প্রোফাইল ছবি সম্পাদনা করুন",
      "প্রোফাইল ছবি বেছে নিন",
      "কভার ফটো আপডেট করুন",
      "কভার ছবি আপডেট করুন",
      "কভার ফটো সম্পাদনা করুন",
      "কভার ফটো যোগ করুন",
      "কভার ছবি যোগ করুন",
    ],
  },
  /** What a photo-flow control is: any of these (the closest one around the click). */
  photoFlowControlSelector: '[role="button"], button, a[href], [role="menuitem"]',
  /** The new-password field(s) of Facebook's password-change form (aria-label, placeholder or <label>). */
  newPasswordLabels: {
    exact: ["New password", "Re-type new password", "Retype new password", "Confirm new password", "নতুন পাসওয়ার্ড", "নতুন পাসওয়ার্ড আবার লিখুন", "নতুন পাসওয়ার্ড নিশ্চিত করুন"],
  },
  /** Password fields that never get the meter (the current password). */
  currentPasswordLabels: { exact: ["Current password", "বর্তমান পাসওয়ার্ড"] },
  /** Headings of a page's access/roles settings, where the people with access are listed. */
  pageAccessHeadings: { exact: ["People with Facebook access", "Page access", "Page roles", "ফেসবুক অ্যাক্সেস আছে এমন ব্যক্তিরা", "পেজে অ্যাক্সেস", "পেজের ভূমিকা"] },
  /** What a person's row in that list is. */
  accessRowSelector: '[role="listitem"], [role="row"], li',
  /** The access level of a person with full control (the page's admins), as shown in their row. */
  fullControlLabels: { exact: ["Full control", "Facebook access with full control", "Admin", "সম্পূর্ণ নিয়ন্ত্রণ", "সম্পূর্ণ নিয়ন্ত্রণসহ ফেসবুক অ্যাক্সেস", "অ্যাডমিন"] },
});
