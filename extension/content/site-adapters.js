/**
 * Site adapters: DATA ONLY. Every selector and every localised label the
 * content script relies on to understand Facebook's pages lives here, so a
 * change on Facebook's side is a data fix. Structure is matched first
 * (selectors, roles), labels second. Facebook's Bangla labels are not
 * verified live; add spellings here as they are seen.
 *
 * A label list is `{ exact, prefix, suffix, contains }`, each a list of
 * strings compared case-insensitively after whitespace is collapsed and a
 * trailing ellipsis ("…" or "...") is dropped (see label-match.js).
 */

/** Host names that select a surface. */
export const HOSTS = Object.freeze({
  /** Meta Business Suite: always the official context. */
  business: ["business.facebook.com"],
  /** The mobile site, whose composers are plain textareas. */
  mobile: ["m.facebook.com", "mbasic.facebook.com"],
});

/** Selectors for editable boxes that may be composers. */
export const EDITOR_SELECTORS = Object.freeze({
  /** Lexical editors: the create-post dialog, group/page boxes, comments, replies, post editing. */
  lexical: 'div[contenteditable="true"][role="textbox"][data-lexical-editor="true"]',
  /** Business Suite's composer: a contenteditable combobox. */
  businessCombobox: '[contenteditable="true"][role="combobox"]',
  /** Any other rich-text box that is still a textbox (older composers). */
  genericTextbox: '[contenteditable="true"][role="textbox"]',
  /** m.facebook.com composers. */
  mobileTextarea: "textarea",
});

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

/** Buttons that publish what is in a composer (role="button" or <button>, matched by aria-label or text). */
export const SUBMIT_BUTTONS = Object.freeze({
  /** Structure: what counts as a button. */
  selector: '[role="button"], button, input[type="submit"]',
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
      "Reply",
      "Send",
      // Bangla
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
      "মন্তব্য করুন",
      "উত্তর দিন",
    ],
    prefix: [],
    suffix: [],
    contains: [],
  },
  /** Labels on buttons near a composer that must never be treated as submit ("Post to …" is a target picker). */
  notSubmit: {
    exact: [],
    prefix: ["Post to ", "Share to ", "Share in "],
    suffix: ["-এ পোস্ট করুন", "এ শেয়ার করুন"],
    contains: [],
  },
});

/** Comment boxes: Enter submits. */
export const COMMENT_LABELS = Object.freeze({
  exact: ["Write a comment", "Write a public comment", "মন্তব্য লিখুন", "একটি মন্তব্য লিখুন", "সর্বজনীন মন্তব্য লিখুন"],
  prefix: ["Comment as ", "Write a comment", "Write a public comment", "মন্তব্য লিখুন"],
  suffix: [" হিসেবে মন্তব্য করুন", " হিসাবে মন্তব্য করুন"],
  contains: [],
});

/** Reply boxes: Enter submits. */
export const REPLY_LABELS = Object.freeze({
  exact: ["Write a reply", "উত্তর লিখুন", "একটি উত্তর লিখুন"],
  prefix: ["Reply to ", "Reply as ", "Write a reply", "উত্তর লিখুন"],
  suffix: [" কে উত্তর দিন", "-কে উত্তর দিন", " হিসেবে উত্তর দিন"],
  contains: [],
});

/** Patterns that pull the posting identity out of a composer label ("Comment as Ministry X"). */
export const IDENTITY_FROM_LABEL = Object.freeze({
  prefix: ["Comment as ", "Reply as ", "Post as ", "Post to "],
  suffix: [" হিসেবে মন্তব্য করুন", " হিসাবে মন্তব্য করুন", " হিসেবে উত্তর দিন", " হিসেবে পোস্ট করুন", "-এ পোস্ট করুন"],
});

/** Messenger: boxes that are chats, not posts. Ignored entirely. */
export const MESSENGER = Object.freeze({
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
  boxLabels: { exact: ["Message", "বার্তা", "বার্তা লিখুন"], prefix: ["Message ", "Write a message", "বার্তা "], suffix: [], contains: [] },
  /** Messenger paths on facebook.com. */
  paths: ["/messages", "/messenger"],
});

/** Containers that group a composer with its submit button. Nearest first. */
export const COMPOSER_CONTAINERS = Object.freeze({
  dialog: '[role="dialog"]',
  form: "form",
  /** Facebook wraps comment composers in a form or a role-less div; walking up this many levels finds the button. */
  maxAncestorDepth: 12,
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
