//! The administrator-facing name and explanation of every settings key, in
//! English and Bangla: the options page, `managed_schema.json` and the Group
//! Policy templates (ADML) all show these texts.

use super::spec::{Choice, KeyTexts, Text};

/// `enabled`.
pub(super) const ENABLED_TEXTS: KeyTexts = KeyTexts {
    title: Text { en: "Check posts (Sotorko enabled)", bn: "পোস্ট যাচাই (“সতর্ক” চালু)" },
    explain: Text {
        en: "Enabled: Sotorko checks posts. Disabled: Sotorko does not check anything.\nNot configured: the official's own choice applies (default: enabled).\nLock it with \"Locked settings\" so that officials cannot switch checking off.",
        bn: "চালু: “সতর্ক” পোস্ট যাচাই করে। বন্ধ: “সতর্ক” কিছুই যাচাই করে না।\nনির্ধারিত নয়: কর্মকর্তার নিজের পছন্দ প্রযোজ্য (পূর্বনির্ধারিত: চালু)।\nকর্মকর্তারা যেন বন্ধ করতে না পারেন, সেজন্য \"লক করা সেটিংস\"-এ এটি যোগ করুন।",
    },
    choices: &[],
};

/// `enabledCategories`.
pub(super) const ENABLED_CATEGORIES_TEXTS: KeyTexts = KeyTexts {
    title: Text { en: "Guideline categories to check", bn: "যে নির্দেশিকা-বিভাগগুলো যাচাই হবে" },
    explain: Text {
        en: "One category id per line. Only the listed categories are checked.\nIds: national-unity, religious-harmony, political, ethnic-minority, belittling, gender, incitement, personal-content, secrecy.\nNot configured: all categories are checked.",
        bn: "প্রতি লাইনে একটি বিভাগের আইডি। শুধু তালিকাভুক্ত বিভাগগুলো যাচাই হবে।\nআইডি: national-unity, religious-harmony, political, ethnic-minority, belittling, gender, incitement, personal-content, secrecy।\nনির্ধারিত নয়: সব বিভাগ যাচাই হবে।",
    },
    choices: &[],
};

/// `categorySeverity`.
pub(super) const CATEGORY_SEVERITY_TEXTS: KeyTexts = KeyTexts {
    title: Text { en: "Severity per category (JSON)", bn: "বিভাগভিত্তিক গুরুত্ব (JSON)" },
    explain: Text {
        en: "A JSON object from category id to severities for official and personal context. Severities: block, warn, advise, off.\nExample: {\"political\": {\"official\": \"block\", \"personal\": \"warn\"}}",
        bn: "বিভাগের আইডি থেকে দাপ্তরিক (official) ও ব্যক্তিগত (personal) প্রেক্ষাপটের গুরুত্বের একটি JSON অবজেক্ট। গুরুত্ব: block, warn, advise, off।\nউদাহরণ: {\"political\": {\"official\": \"block\", \"personal\": \"warn\"}}",
    },
    choices: &[],
};

/// `ruleSeverity`.
pub(super) const RULE_SEVERITY_TEXTS: KeyTexts = KeyTexts {
    title: Text { en: "Severity per rule (JSON)", bn: "নিয়মভিত্তিক গুরুত্ব (JSON)" },
    explain: Text {
        en: "A JSON object from rule id (see `sotorko rules list`) to severities for official and personal context: block, warn, advise, off. Takes precedence over the severity per category.\nExample: {\"political.party-mention\": {\"official\": \"warn\", \"personal\": \"off\"}}",
        bn: "নিয়মের আইডি (`sotorko rules list` দেখুন) থেকে দাপ্তরিক ও ব্যক্তিগত প্রেক্ষাপটের গুরুত্বের JSON অবজেক্ট: block, warn, advise, off। বিভাগভিত্তিক গুরুত্বের চেয়ে এটি অগ্রাধিকার পায়।\nউদাহরণ: {\"political.party-mention\": {\"official\": \"warn\", \"personal\": \"off\"}}",
    },
    choices: &[],
};

/// `customRules`.
pub(super) const CUSTOM_RULES_TEXTS: KeyTexts = KeyTexts {
    title: Text { en: "Custom rule pack (TOML)", bn: "নিজস্ব নিয়ম-প্যাক (TOML)" },
    explain: Text {
        en: "A rule pack in the engine's TOML format (docs/rules.md), added to the default pack. Test it first with `sotorko rules lint FILE`.\nA rule pack has several lines, and this text box holds only one: set the value as a multi-line REG_SZ through Group Policy Preferences (Registry) or PowerShell, as docs/deploy.md shows. Problems in the pack are shown on the options page, section \"Checking engine\".",
        bn: "ইঞ্জিনের TOML ফরম্যাটে একটি নিয়ম-প্যাক (docs/rules.md), যা পূর্বনির্ধারিত প্যাকের সঙ্গে যুক্ত হয়। আগে `sotorko rules lint FILE` দিয়ে পরীক্ষা করুন।\nনিয়ম-প্যাক একাধিক লাইনের, কিন্তু এই টেক্সট বক্সে একটি লাইনই থাকে: docs/deploy.md অনুযায়ী Group Policy Preferences (Registry) বা PowerShell দিয়ে বহু-লাইনের REG_SZ হিসেবে মানটি দিন। প্যাকের সমস্যা অপশন পেজর \"যাচাই ইঞ্জিন\" অংশে দেখা যায়।",
    },
    choices: &[],
};

/// `extraTerms`.
pub(super) const EXTRA_TERMS_TEXTS: KeyTexts = KeyTexts {
    title: Text { en: "Extra terms per category (JSON)", bn: "বিভাগভিত্তিক অতিরিক্ত শব্দ (JSON)" },
    explain: Text {
        en: "A JSON object from category id to a list of extra words or phrases, flagged under that category with its default message.\nExample: {\"secrecy\": [\"প্রকল্প দিগন্ত\", \"project horizon\"]}",
        bn: "বিভাগের আইডি থেকে অতিরিক্ত শব্দ বা শব্দগুচ্ছের তালিকার JSON অবজেক্ট; এগুলো সেই বিভাগের পূর্বনির্ধারিত বার্তাসহ চিহ্নিত হয়।\nউদাহরণ: {\"secrecy\": [\"প্রকল্প দিগন্ত\", \"project horizon\"]}",
    },
    choices: &[],
};

/// `allowedTerms`.
pub(super) const ALLOWED_TERMS_TEXTS: KeyTexts = KeyTexts {
    title: Text {
        en: "Allowed terms",
        bn: "অনুমোদিত শব্দ",
    },
    explain: Text {
        en: "One word or phrase per line that is never flagged, for example নৌকা বাইচ (boat race).",
        bn: "প্রতি লাইনে একটি শব্দ বা শব্দগুচ্ছ, যা কখনো চিহ্নিত হবে না, যেমন নৌকা বাইচ।",
    },
    choices: &[],
};

/// `officialPages`.
pub(super) const OFFICIAL_PAGES_TEXTS: KeyTexts = KeyTexts {
    title: Text { en: "Official pages", bn: "দাপ্তরিক পেজ" },
    explain: Text {
        en: "One Facebook page per line: its URL, its numeric id or its name. Posting as or on one of these pages counts as official context.",
        bn: "প্রতি লাইনে একটি ফেসবুক পেজ: এর URL, সংখ্যাভিত্তিক আইডি বা নাম। এসব পেজ থেকে বা এসব পেজে পোস্ট দাপ্তরিক প্রেক্ষাপট হিসেবে গণ্য হয়।",
    },
    choices: &[],
};

/// `officialByDefault`.
pub(super) const OFFICIAL_BY_DEFAULT_TEXTS: KeyTexts = KeyTexts {
    title: Text { en: "Treat posts as official by default", bn: "পোস্টকে পূর্বনির্ধারিতভাবে দাপ্তরিক ধরা" },
    explain: Text {
        en: "Enabled: posts count as official unless they are clearly on a personal profile. Disabled or not configured: only office pages and Meta Business Suite count as official.",
        bn: "চালু: স্পষ্টতই ব্যক্তিগত প্রোফাইল না হলে পোস্ট দাপ্তরিক গণ্য হয়। বন্ধ বা নির্ধারিত নয়: শুধু দপ্তরের পেজ ও Meta Business Suite দাপ্তরিক গণ্য হয়।",
    },
    choices: &[],
};

/// `mode`.
pub(super) const MODE_TEXTS: KeyTexts = KeyTexts {
    title: Text { en: "Enforcement mode", bn: "প্রয়োগের ধরন" },
    explain: Text {
        en: "Warn: the official confirms and may post anyway. Strict: a post with a block finding cannot be posted; warn findings still need confirmation.\nNot configured: warn.",
        bn: "সাবধান করা (warn): কর্মকর্তা নিশ্চিত করে তবুও পোস্ট করতে পারেন। কঠোর (strict): “অবশ্যই সংশোধন করুন” মাত্রার চিহ্নিত বিষয়যুক্ত পোস্ট দেওয়া যায় না; warn মাত্রার জন্য নিশ্চিতকরণ লাগে।\nনির্ধারিত নয়: warn।",
    },
    choices: &[
        Choice { value: "warn", text: Text { en: "Warn: any finding can be posted after confirmation", bn: "সাবধান করা: নিশ্চিত করার পর যেকোনো পোস্ট দেওয়া যায়" } },
        Choice { value: "strict", text: Text { en: "Strict: posts with \"Must fix\" findings cannot be posted", bn: "কঠোর: “অবশ্যই সংশোধন করুন” মাত্রার চিহ্নিত বিষয় থাকলে পোস্ট দেওয়া যায় না" } },
    ],
};

/// `requireReasonToOverride`.
pub(super) const REQUIRE_REASON_TO_OVERRIDE_TEXTS: KeyTexts = KeyTexts {
    title: Text { en: "Require a reason to post anyway", bn: "\"তবুও পোস্ট করুন\"-এর জন্য কারণ বাধ্যতামূলক" },
    explain: Text {
        en: "Enabled: \"Post anyway\" asks for a short reason. The reason is kept with the decision on the computer for the office's review; the post text is not stored.",
        bn: "চালু: \"তবুও পোস্ট করুন\" চাপলে একটি সংক্ষিপ্ত কারণ চাওয়া হয়। দপ্তরের পর্যালোচনার জন্য কারণটি সিদ্ধান্তসহ এই কম্পিউটারেই রাখা হয়; পোস্টের লেখা রাখা হয় না।",
    },
    choices: &[],
};

/// `stanceModel`.
pub(super) const STANCE_MODEL_TEXTS: KeyTexts = KeyTexts {
    title: Text { en: "Use the on-device stance model", bn: "ডিভাইসে চলা স্ট্যান্স মডেল ব্যবহার" },
    explain: Text {
        en: "Enabled or not configured: the small learned model that runs on this computer adds advisory underlines (and their explanations) beside the rule pack's findings. Disabled: only the rule pack checks. Policy only; nothing is downloaded or sent either way.",
        bn: "চালু বা নির্ধারিত নয়: এই কম্পিউটারে চলা ছোট শেখা মডেলটি নিয়মের ফলাফলের পাশে পরামর্শমূলক দাগ (ও ব্যাখ্যা) যোগ করে। বন্ধ: কেবল নিয়মের প্যাক যাচাই করে। কেবল পলিসি দিয়ে; কোনো অবস্থাতেই কিছু নামানো বা পাঠানো হয় না।",
    },
    choices: &[],
};

/// `activityRetentionDays`.
pub(super) const ACTIVITY_RETENTION_DAYS_TEXTS: KeyTexts = KeyTexts {
    title: Text { en: "Keep the activity log for (days)", bn: "কার্যকলাপের লগ রাখার মেয়াদ (দিন)" },
    explain: Text {
        en: "A whole number of days, 1 to 3650. Sotorko keeps a local log of post attempts for the office's quarterly review (when, page, outcome, guideline categories and rules, reasons and \"Not a problem here\" reports; never the text of a post). Entries older than this are removed.\nNot configured: 396 days (about 13 months). Policy only.",
        bn: "১ থেকে ৩৬৫০ পর্যন্ত পূর্ণসংখ্যা দিন। দপ্তরের ত্রৈমাসিক পর্যালোচনার জন্য “সতর্ক” পোস্টের চেষ্টার একটি স্থানীয় লগ রাখে (কখন, পেজ, পরিণতি, নির্দেশিকার বিভাগ ও নিয়ম, কারণ এবং \"এখানে সমস্যা নয়\" প্রতিবেদন; পোস্টের লেখা কখনো নয়)। এর চেয়ে পুরোনো তথ্য মুছে ফেলা হয়।\nনির্ধারিত নয়: ৩৯৬ দিন (প্রায় ১৩ মাস)। কেবল পলিসি দিয়ে।",
    },
    choices: &[],
};

/// `minPasswordScore`.
pub(super) const MIN_PASSWORD_SCORE_TEXTS: KeyTexts = KeyTexts {
    title: Text { en: "Minimum password strength shown as acceptable", bn: "গ্রহণযোগ্য পাসওয়ার্ডের ন্যূনতম শক্তি" },
    explain: Text {
        en: "A whole number from 0 to 4. On Facebook's password-change form Sotorko shows a strength meter (zxcvbn score: 0 too guessable … 4 very unguessable, estimated on the computer; the password is never stored or sent) and calls a new password acceptable from this score.\nNot configured: 3. Policy only.",
        bn: "০ থেকে ৪ পর্যন্ত পূর্ণসংখ্যা। Facebook-এর পাসওয়ার্ড পরিবর্তনের ফর্মে “সতর্ক” একটি শক্তি-মাপক দেখায় (zxcvbn স্কোর: ০ সহজে অনুমেয় … ৪ খুবই দুরনুমেয়, কম্পিউটারেই হিসাব; পাসওয়ার্ড কখনো সংরক্ষণ করা বা পাঠানো হয় না) এবং এই স্কোর থেকে নতুন পাসওয়ার্ডকে গ্রহণযোগ্য বলে।\nনির্ধারিত নয়: ৩। কেবল পলিসি দিয়ে।",
    },
    choices: &[],
};

/// `uiLanguage`.
pub(super) const UI_LANGUAGE_TEXTS: KeyTexts = KeyTexts {
    title: Text {
        en: "Interface language",
        bn: "ইন্টারফেসের ভাষা",
    },
    explain: Text {
        en: "The language of Sotorko's panels and pages. Not configured: follow the browser.",
        bn: "“সতর্ক”-এর প্যানেল ও সেটিংসের ভাষা। নির্ধারিত নয়: ব্রাউজার অনুযায়ী।",
    },
    choices: &[
        Choice {
            value: "auto",
            text: Text {
                en: "Follow the browser's language",
                bn: "ব্রাউজারের ভাষা অনুযায়ী",
            },
        },
        Choice {
            value: "bn",
            text: Text {
                en: "Bangla",
                bn: "বাংলা",
            },
        },
        Choice {
            value: "en",
            text: Text {
                en: "English",
                bn: "ইংরেজি",
            },
        },
    ],
};

/// `lockedSettings`.
pub(super) const LOCKED_SETTINGS_TEXTS: KeyTexts = KeyTexts {
    title: Text { en: "Locked settings", bn: "লক করা সেটিংস" },
    explain: Text {
        en: "One setting name per line that officials cannot change on the options page; the value from this policy (or the default) applies.\nNames: enabled, enabledCategories, categorySeverity, ruleSeverity, customRules, extraTerms, allowedTerms, officialPages, officialByDefault, mode, requireReasonToOverride, uiLanguage.",
        bn: "প্রতি লাইনে একটি সেটিংয়ের নাম, যা কর্মকর্তারা সেটিংসে বদলাতে পারবেন না; এই পলিসির মান (বা পূর্বনির্ধারিত মান) প্রযোজ্য হয়।\nনাম: enabled, enabledCategories, categorySeverity, ruleSeverity, customRules, extraTerms, allowedTerms, officialPages, officialByDefault, mode, requireReasonToOverride, uiLanguage।",
    },
    choices: &[],
};

/// `siteAdapterOverrides`.
pub(super) const SITE_ADAPTER_OVERRIDES_TEXTS: KeyTexts = KeyTexts {
    title: Text { en: "Facebook labels and selectors to add (JSON)", bn: "যোগ করার মতো ফেসবুকের লেবেল ও সিলেক্টর (JSON)" },
    explain: Text {
        en: "Answers a change on Facebook's side without a new release: labels and CSS selectors added to Sotorko's built-in knowledge of Facebook's pages (the built-in entries stay).\nLabel lists (each {\"exact\": [...], \"prefix\": [...], \"suffix\": [...], \"contains\": [...]}): sendLabels, handOffLabels, notSendLabels, backLabels, closeLabels, commentBoxLabels, replyBoxLabels, messengerBoxLabels. Selector lists (each [\"css\", ...]): editorSelectors, controlSelectors, sendSlotSelectors, commentBoxSelectors.\nExample: {\"sendLabels\": {\"exact\": [\"Publicar\"]}, \"handOffLabels\": {\"exact\": [\"Siguiente\"]}}\nSee docs/deploy.md, \"Answer a Facebook change\".",
        bn: "নতুন রিলিজ ছাড়াই ফেসবুকের কোনো পরিবর্তনের জবাব: “সতর্ক”-এর নিজস্ব ফেসবুক-জ্ঞানের সঙ্গে লেবেল ও CSS সিলেক্টর যোগ হয় (নিজস্ব তালিকা থেকে যায়)।\nলেবেল তালিকা (প্রতিটি {\"exact\": [...], \"prefix\": [...], \"suffix\": [...], \"contains\": [...]}): sendLabels, handOffLabels, notSendLabels, backLabels, closeLabels, commentBoxLabels, replyBoxLabels, messengerBoxLabels। সিলেক্টর তালিকা (প্রতিটি [\"css\", ...]): editorSelectors, controlSelectors, sendSlotSelectors, commentBoxSelectors।\nউদাহরণ: {\"sendLabels\": {\"exact\": [\"Publicar\"]}, \"handOffLabels\": {\"exact\": [\"Siguiente\"]}}\ndocs/deploy.md-এর \"Answer a Facebook change\" অংশ দেখুন।",
    },
    choices: &[],
};
