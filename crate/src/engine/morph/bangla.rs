//! Paradigms of Bangla verbs (`bn_verbs`), generated when the engine is
//! built: standard চলিত forms, Bangladeshi colloquial and dialect forms and
//! the সাধু forms that overlap them (docs/rules.md, "Verbs").
//!
//! A stem's class is read from its shape:
//!
//! - a built-in irregular verb: `দে`/`দি`, `নে`/`নি`, `যা`, `হ`;
//! - one akshara ending in `া` (`খা`, `চা`, `পা`): the V-class of `খা`
//!   (perfect stem `খে`: `খেয়েছে`, `খেলাম`, `খেতে`);
//! - longer and ending in `া` (`পোড়া`, `জ্বালা`, `তাড়া`, `কোপা`, `পিটা`):
//!   the causative আ-class (perfect stem with `ি`: `পুড়িয়ে`, `জ্বালিয়ে`;
//!   an `ো` of the first syllable is also read raised to `ু`: `পুড়াও`);
//! - anything else: the C-class of `কর`/`মার` (perfect stem with the first
//!   `া` raised to `ে` — `মেরে`, `ভেঙে`, `জ্বেলে` — and `ো` to `ু`; the
//!   dialect stem with `ই` after the first syllable: `মাইরা`, `কইরা`).
//!
//! `STEM/ALT` gives the alternant stem when it cannot be derived
//! (`লেখ/লিখ` → `লিখেছে`, `লিখে`); for the আ-class it is written like the
//! stem (`পোড়া/পুড়া`) and its `া` becomes `ি`.

const VIRAMA: char = '\u{09CD}';
const AA: char = 'া';

/// Endings on the base stem of a C-class verb (`মার` + …).
const C_BASE: &[&str] = &[
    "",
    "ি",
    "িস",
    "ো",
    "ে",
    "েন",
    "স",
    "ুক",
    "ুন", // present, imperative
    "ছি",
    "ছিস",
    "ছ",
    "ছো",
    "ছে",
    "ছেন",
    "ছস",
    "সি",
    "সে",
    "সেন",
    "সস", // progressive / colloquial perfect
    "ছিলাম",
    "ছিলি",
    "ছিলে",
    "ছিল",
    "ছিলো",
    "ছিলেন",
    "সিলাম",
    "সিল",
    "সিলো", // past progressive
    "লাম",
    "লি",
    "লে",
    "ল",
    "লো",
    "লেন",
    "লা",
    "লুম", // past, conditional
    "তাম",
    "তিস",
    "তে",
    "ত",
    "তো",
    "তেন",
    "তা", // habitual, infinitive
    "ব",
    "বো",
    "বি",
    "বে",
    "বেন",
    "বা",
    "মু",
    "ুম", // future
    "তেছি",
    "তেছিস",
    "তেছ",
    "তেছো",
    "তেছে",
    "তেছেন",
    "তাছি",
    "তাছিস",
    "তাছ",
    "তাছো",
    "তাছে",
    "তাছেন",
    "তাছস",
    "তেসে",
    "তেসি",
    "তাসে",
    "তাসি",
    "তেছিলাম",
    "তেছিল",
    "তেছিলো",
    "তাছিলাম",
    "তাছিল",
    "তাছিলো", // dialect progressive
    "া",
    "ার", // verbal noun
    "িয়া",
    "িয়াছে",
    "িয়াছি",
    "িয়াছেন",
    "িয়াছিল",
    "িতেছে",
    "িতেছি",
    "িতেছেন",
    "িব",
    "িবে",
    "িবেন",
    "িল",
    "িলাম",
    "িলে",
    "িলেন",
    "িতে",
    "িত",
    "িতাম", // সাধু
];

/// Endings on the perfect stem of a C-class verb (`মের` + …).
const C_PERFECT: &[&str] = &[
    "ে",
    "েছি",
    "েছিস",
    "েছ",
    "েছো",
    "েছে",
    "েছেন",
    "েছিলাম",
    "েছিলি",
    "েছিলে",
    "েছিল",
    "েছিলো",
    "েছিলেন",
    "ো",
];

/// Endings on the dialect stem of a C-class verb (`মাইর` + …).
const C_DIALECT: &[&str] = &["া", "েন", "ো"];

/// Present, imperative and future endings shared by vowel-final stems.
const V_BASE: &[&str] = &[
    "",
    "ই",
    "স",
    "ও",
    "য়",
    "ন",
    "ক", // present, imperative
    "চ্ছি",
    "চ্ছিস",
    "চ্ছ",
    "চ্ছো",
    "চ্ছে",
    "চ্ছেন",
    "চ্ছিলাম",
    "চ্ছিলি",
    "চ্ছিলে",
    "চ্ছিল",
    "চ্ছিলো",
    "চ্ছিলেন", // progressive
    "ব",
    "বো",
    "বি",
    "বে",
    "বেন",
    "বা",
    "মু", // future
    "ইছি",
    "ইছিস",
    "ইছে",
    "ইছেন",
    "ইসি",
    "ইসে",
    "ইসেন",
    "ইছিল",
    "ইছিলো",
    "ইসিলো", // colloquial perfect
    "ইতেছি",
    "ইতেছে",
    "ইতেছেন",
    "ইতাছি",
    "ইতাছে",
    "ইতাছেন",
    "ইতেসে",
    "ইতাসে", // dialect progressive
    "ইয়া",
    "ইয়েন",
    "ইয়ো",
    "ইলাম",
    "ইল",
    "ইলো",
    "ইলে",
    "ইলেন",
    "ইব",
    "ইবো",
    "ইবে",
    "ইবেন",
    "ইমু",
    "ইতে",
    "ইত",
    "ইতাম", // dialect / সাধু
];

/// Past, habitual and non-finite endings of causatives on the base stem (`পোড়া` + …).
const CAUSATIVE_BASE: &[&str] = &[
    "লাম",
    "লি",
    "লে",
    "ল",
    "লো",
    "লেন",
    "লা",
    "তাম",
    "তিস",
    "তে",
    "ত",
    "তো",
    "তেন",
    "নো",
    "নোর",
    "য়া",
];

/// Perfect and conjunctive endings on the `ি` stem (`পুড়ি` + …, `খে` + …).
const V_PERFECT: &[&str] = &[
    "য়ে",
    "য়েছি",
    "য়েছিস",
    "য়েছ",
    "য়েছো",
    "য়েছে",
    "য়েছেন",
    "য়েছিলাম",
    "য়েছিলি",
    "য়েছিলে",
    "য়েছিল",
    "য়েছিলো",
    "য়েছিলেন",
    "য়ো",
    "ও",
    "য়েন",
    "য়া",
    "য়াছে",
    "য়াছি",
];

/// Past, habitual and infinitive endings of the `খা` class on the `খে` stem.
const MONO_PAST: &[&str] = &[
    "লাম",
    "লি",
    "লে",
    "ল",
    "লো",
    "লেন",
    "তাম",
    "তিস",
    "তে",
    "ত",
    "তো",
    "তেন",
];

/// Verbal nouns of the `খা` class on the base stem.
const MONO_NOUN: &[&str] = &["ওয়া", "ওয়ার", "ওয়াটা"];

/// `দে` "give"; `নে` "take" is the same with `ন`.
const DE: &[&str] = &[
    "দে",
    "দেয়",
    "দেই",
    "দিই",
    "দিস",
    "দাও",
    "দেন",
    "দিন",
    "দিক",
    "দিও",
    "দিয়ো",
    "দিয়েন",
    "দেস",
    "দিচ্ছি",
    "দিচ্ছিস",
    "দিচ্ছ",
    "দিচ্ছো",
    "দিচ্ছে",
    "দিচ্ছেন",
    "দিচ্ছিলাম",
    "দিচ্ছিল",
    "দিচ্ছিলো",
    "দিচ্ছিলেন",
    "দিয়েছি",
    "দিয়েছিস",
    "দিয়েছ",
    "দিয়েছো",
    "দিয়েছে",
    "দিয়েছেন",
    "দিয়েছিলাম",
    "দিয়েছিল",
    "দিয়েছিলো",
    "দিয়েছিলেন",
    "দিলাম",
    "দিলি",
    "দিলে",
    "দিল",
    "দিলো",
    "দিলেন",
    "দিলা",
    "দিতাম",
    "দিতিস",
    "দিতে",
    "দিত",
    "দিতো",
    "দিতেন",
    "দেব",
    "দেবো",
    "দিব",
    "দিবো",
    "দিবি",
    "দেবে",
    "দিবে",
    "দেবেন",
    "দিবেন",
    "দিবা",
    "দিমু",
    "দিছি",
    "দিছিস",
    "দিছে",
    "দিছেন",
    "দিসি",
    "দিসে",
    "দিসেন",
    "দিছিল",
    "দিছিলো",
    "দিসিলো",
    "দিতেছি",
    "দিতেছে",
    "দিতেছেন",
    "দিতাছি",
    "দিতাছে",
    "দিতাছেন",
    "দিতেসে",
    "দিতাসে",
    "দিয়ে",
    "দিয়া",
    "দিয়াছে",
    "দিয়াছি",
    "দেওয়া",
    "দেয়া",
    "দেওয়ার",
    "দেয়ার",
];

/// `যা` "go".
const JA: &[&str] = &[
    "যা",
    "যাই",
    "যাস",
    "যাও",
    "যায়",
    "যান",
    "যাক",
    "যেও",
    "যেয়ো",
    "যাচ্ছি",
    "যাচ্ছিস",
    "যাচ্ছ",
    "যাচ্ছো",
    "যাচ্ছে",
    "যাচ্ছেন",
    "যাচ্ছিলাম",
    "যাচ্ছিল",
    "যাচ্ছিলো",
    "যাচ্ছিলেন",
    "গেছি",
    "গেছিস",
    "গেছ",
    "গেছো",
    "গেছে",
    "গেছেন",
    "গেছিল",
    "গেছিলো",
    "গেসে",
    "গেসি",
    "গিয়েছি",
    "গিয়েছিস",
    "গিয়েছ",
    "গিয়েছো",
    "গিয়েছে",
    "গিয়েছেন",
    "গিয়েছিলাম",
    "গিয়েছিল",
    "গিয়েছিলো",
    "গিয়েছিলেন",
    "গেলাম",
    "গেলি",
    "গেলে",
    "গেল",
    "গেলো",
    "গেলেন",
    "গেলা",
    "যেতাম",
    "যেতিস",
    "যেতে",
    "যেত",
    "যেতো",
    "যেতেন",
    "যাব",
    "যাবো",
    "যাবি",
    "যাবে",
    "যাবেন",
    "যাবা",
    "যামু",
    "যাইতেছি",
    "যাইতেছে",
    "যাইতাছি",
    "যাইতাছে",
    "গিয়ে",
    "গিয়া",
    "যাইয়া",
    "যেয়ে",
    "যাওয়া",
    "যাওয়ার",
    "যাইবো",
    "যাইবে",
    "যাইতে",
    "যাইয়েন",
];

/// `হ` "be, become".
const HO: &[&str] = &[
    "হ",
    "হই",
    "হস",
    "হও",
    "হয়",
    "হন",
    "হোক",
    "হোন",
    "হোস",
    "হচ্ছি",
    "হচ্ছিস",
    "হচ্ছ",
    "হচ্ছো",
    "হচ্ছে",
    "হচ্ছেন",
    "হচ্ছিল",
    "হচ্ছিলো",
    "হচ্ছিলেন",
    "হয়েছি",
    "হয়েছিস",
    "হয়েছ",
    "হয়েছো",
    "হয়েছে",
    "হয়েছেন",
    "হয়েছিল",
    "হয়েছিলো",
    "হয়েছিলেন",
    "হইছে",
    "হইছি",
    "হইসে",
    "হইসি",
    "হলাম",
    "হলি",
    "হলে",
    "হল",
    "হলো",
    "হলেন",
    "হইলাম",
    "হইল",
    "হইলো",
    "হইলে",
    "হতাম",
    "হতিস",
    "হতে",
    "হত",
    "হতো",
    "হতেন",
    "হইতে",
    "হব",
    "হবো",
    "হবি",
    "হবে",
    "হবেন",
    "হবা",
    "হমু",
    "হইবো",
    "হইবে",
    "হইতেছে",
    "হইতাছে",
    "হতেছে",
    "হয়ে",
    "হইয়া",
    "হওয়া",
    "হওয়ার",
    "হইয়েন",
];

fn is_consonant(c: char) -> bool {
    matches!(c, '\u{0995}'..='\u{09B9}' | '\u{09CE}' | '\u{09DC}'..='\u{09DF}')
}

fn is_independent_vowel(c: char) -> bool {
    matches!(c, '\u{0985}'..='\u{0994}')
}

/// Number of aksharas (a consonant cluster with its vowel sign, or an
/// independent vowel, each counted once).
pub(crate) fn aksharas(s: &str) -> usize {
    let mut n = 0;
    let mut prev = None;
    for c in s.chars() {
        if is_independent_vowel(c) || (is_consonant(c) && prev != Some(VIRAMA)) {
            n += 1;
        }
        prev = Some(c);
    }
    n
}

/// Byte range of the first syllable's vowel: the vowel sign after the first
/// consonant cluster, an independent vowel at the start, or an empty range
/// where the inherent vowel is.
fn first_vowel(stem: &str) -> Option<(usize, usize)> {
    let mut it = stem.char_indices().peekable();
    let (_, c0) = *it.peek()?;
    if is_independent_vowel(c0) {
        return Some((0, c0.len_utf8()));
    }
    let mut after_virama = true;
    while let Some(&(i, c)) = it.peek() {
        if is_consonant(c) && after_virama {
            after_virama = false;
            it.next();
        } else if c == VIRAMA || c == '\u{09BC}' {
            after_virama = c == VIRAMA;
            it.next();
        } else if ('\u{09BE}'..='\u{09CC}').contains(&c) {
            return Some((i, i + c.len_utf8()));
        } else {
            return Some((i, i));
        }
    }
    Some((stem.len(), stem.len()))
}

fn replace(stem: &str, (s, e): (usize, usize), with: &str) -> String {
    format!("{}{}{}", &stem[..s], with, &stem[e..])
}

/// The stem with the first syllable's `া`/`আ` raised to `ে`/`এ` and
/// `ো`/`ও` to `ু`/`উ` (C-class perfect stem).
fn raised(stem: &str) -> String {
    match first_vowel(stem) {
        Some(r) => match &stem[r.0..r.1] {
            "া" => replace(stem, r, "ে"),
            "আ" => replace(stem, r, "এ"),
            "ো" => replace(stem, r, "ু"),
            "ও" => replace(stem, r, "উ"),
            _ => stem.to_owned(),
        },
        None => stem.to_owned(),
    }
}

/// The stem with `ো` of the first syllable read as `ু` (`পোড়া` → `পুড়া`).
fn o_raised(stem: &str) -> Option<String> {
    let r = first_vowel(stem)?;
    (&stem[r.0..r.1] == "ো").then(|| replace(stem, r, "ু"))
}

/// Endings that take the lowered vowel of a `ু` root (`পোড়ে`, `খোলো`).
const C_LOWERED: &[&str] = &["", "ে", "ো", "েন", "ি", "িস", "া", "ার"];

/// The stem with the first syllable's `ু`/`উ` lowered to `ো`/`ও` (`পুড়` →
/// `পোড়`), used by the present of such roots.
fn lowered(stem: &str) -> Option<String> {
    let r = first_vowel(stem)?;
    if r.1 >= stem.len() {
        return None;
    }
    match &stem[r.0..r.1] {
        "ু" => Some(replace(stem, r, "ো")),
        "উ" => Some(replace(stem, r, "ও")),
        _ => None,
    }
}

/// Dialect stem with `ই` after the first syllable (`মার` → `মাইর`, `কর` →
/// `কইর`, `খোল` → `খুইল`), when another consonant follows.
fn dialect(stem: &str) -> Option<String> {
    let r = first_vowel(stem)?;
    if r.1 >= stem.len() {
        return None;
    }
    let vowel = match &stem[r.0..r.1] {
        "ো" => "ু",
        "ও" => "উ",
        v => v,
    };
    Some(format!("{}{}ই{}", &stem[..r.0], vowel, &stem[r.1..]))
}

/// Call forms (imperatives and futures) among the endings of each slot.
const C_BASE_CALL: &[&str] = &[
    "",
    "ো",
    "ুক",
    "ুন",
    "েন",
    "িস",
    "ব",
    "বো",
    "বি",
    "বে",
    "বেন",
    "বা",
    "মু",
    "ুম",
    "িব",
    "িবে",
    "িবেন",
];
const C_PERFECT_CALL: &[&str] = &["ো"];
const C_DIALECT_CALL: &[&str] = &["েন", "ো"];
const V_BASE_CALL: &[&str] = &[
    "",
    "ও",
    "ক",
    "ন",
    "ব",
    "বো",
    "বি",
    "বে",
    "বেন",
    "বা",
    "মু",
    "ইয়েন",
    "ইয়ো",
    "ইব",
    "ইবো",
    "ইবে",
    "ইবেন",
    "ইমু",
];
const V_PERFECT_CALL: &[&str] = &["য়ো", "ও", "য়েন"];
const DE_CALL: &[&str] = &[
    "দে",
    "দাও",
    "দেন",
    "দিন",
    "দিক",
    "দিও",
    "দিয়ো",
    "দিয়েন",
    "দিস",
    "দেব",
    "দেবো",
    "দিব",
    "দিবো",
    "দিবি",
    "দেবে",
    "দিবে",
    "দেবেন",
    "দিবেন",
    "দিবা",
    "দিমু",
];
const JA_CALL: &[&str] = &[
    "যা",
    "যাও",
    "যান",
    "যাক",
    "যেও",
    "যেয়ো",
    "যাব",
    "যাবো",
    "যাবি",
    "যাবে",
    "যাবেন",
    "যাবা",
    "যামু",
    "যাইবো",
    "যাইবে",
    "যাইয়েন",
];
const HO_CALL: &[&str] = &[
    "হ",
    "হও",
    "হোক",
    "হোন",
    "হোস",
    "হব",
    "হবো",
    "হবি",
    "হবে",
    "হবেন",
    "হবা",
    "হমু",
    "হইবো",
    "হইবে",
    "হইয়েন",
];

/// Collects forms, all of them or only the call forms.
struct Forms {
    out: Vec<String>,
    seen: std::collections::HashSet<String>,
    call_only: bool,
}

impl Forms {
    /// Adds `stem` + each ending (only those in `call` when collecting call forms).
    fn push(&mut self, stem: &str, endings: &[&str], call: &[&str]) {
        for e in endings {
            if self.call_only && !call.contains(e) {
                continue;
            }
            let form = format!("{stem}{e}");
            if self.seen.insert(form.clone()) {
                self.out.push(form);
            }
        }
    }

    /// Adds whole forms of an irregular verb, with `দ` read as `initial`.
    fn irregular(&mut self, table: &[&str], call: &[&str], initial: char) {
        for f in table {
            if self.call_only && !call.contains(f) {
                continue;
            }
            let form = match f.strip_prefix('দ') {
                Some(rest) => format!("{initial}{rest}"),
                None => (*f).to_owned(),
            };
            // নেই is "there is no", not "I take".
            if form != "নেই" && self.seen.insert(form.clone()) {
                self.out.push(form);
            }
        }
    }
}

/// Every form of a verb stem as written in `bn_verbs` (`মার`, `পোড়া`,
/// `দে`, or `STEM/ALT`), in canonical (unfolded) spelling. Empty when the
/// stem is empty. `call_only`: only the call forms (imperatives, futures
/// and the polite `-েন`/`-ইয়েন`), as asked for by the `:call` tag.
pub(crate) fn verb_forms(spec: &str, call_only: bool) -> Vec<String> {
    let (stem, alt) = match spec.split_once('/') {
        Some((s, a)) => (s.trim(), Some(a.trim()).filter(|a| !a.is_empty())),
        None => (spec.trim(), None),
    };
    let stem = stem.trim_end_matches(VIRAMA);
    let alt = alt.map(|a| a.trim_end_matches(VIRAMA));
    let mut f = Forms {
        out: Vec::new(),
        seen: std::collections::HashSet::new(),
        call_only,
    };
    if stem.is_empty() {
        return f.out;
    }
    match stem {
        "দে" | "দি" | "দা" => {
            f.irregular(DE, DE_CALL, 'দ');
            return f.out;
        }
        "নে" | "নি" | "না" if alt.is_none() => {
            f.irregular(DE, DE_CALL, 'ন');
            return f.out;
        }
        "যা" => {
            f.irregular(JA, JA_CALL, 'দ');
            return f.out;
        }
        "হ" | "হও" => {
            f.irregular(HO, HO_CALL, 'দ');
            return f.out;
        }
        _ => {}
    }
    if stem.ends_with(AA) {
        let base = &stem[..stem.len() - AA.len_utf8()];
        let i_stem = |s: &str| format!("{}ি", s.strip_suffix(AA).unwrap_or(s));
        if aksharas(stem) == 1 {
            // খা class: perfect stem with ে (খে), or the given alternant.
            let perfect = alt.map_or_else(|| format!("{base}ে"), str::to_owned);
            f.push(stem, V_BASE, V_BASE_CALL);
            f.push(stem, MONO_NOUN, &[]);
            f.push(&perfect, MONO_PAST, &[]);
            f.push(&perfect, V_PERFECT, V_PERFECT_CALL);
            return f.out;
        }
        // Causative আ-class.
        let mut bases = vec![stem.to_owned()];
        bases.extend(o_raised(stem));
        if let Some(a) = alt {
            if !bases.iter().any(|b| b == a) {
                bases.push(a.to_owned());
            }
        }
        for b in &bases {
            f.push(b, V_BASE, V_BASE_CALL);
            f.push(b, CAUSATIVE_BASE, &[]);
        }
        for b in &bases {
            f.push(&i_stem(b), V_PERFECT, V_PERFECT_CALL);
        }
        return f.out;
    }
    // C-class.
    f.push(stem, C_BASE, C_BASE_CALL);
    if let Some(low) = lowered(stem) {
        // পুড় → পোড়ে, খুল → খোলে, উঠ → ওঠে: present and imperative.
        f.push(&low, C_LOWERED, C_BASE_CALL);
    }
    let perfect = alt.map_or_else(|| raised(stem), str::to_owned);
    f.push(&perfect, C_PERFECT, C_PERFECT_CALL);
    if let Some(r) = first_vowel(stem) {
        if r.0 == r.1 && r.1 < stem.len() {
            // অ-roots: future imperative spelled কোরো, বোলো.
            let o = replace(stem, r, "ো");
            f.push(&o, &["ো"], &["ো"]);
        }
    }
    if let Some(d) = dialect(stem) {
        f.push(&d, C_DIALECT, C_DIALECT_CALL);
        // ভাঙ → ভাইঙ্গা
        for nasal in ["ঙ", "ং"] {
            if let Some(head) = d.strip_suffix(nasal) {
                f.push(&format!("{head}ঙ্গ"), C_DIALECT, C_DIALECT_CALL);
            }
        }
    }
    f.out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn has(stem: &str, form: &str) -> bool {
        let fold = crate::normalize::fold_bangla_term;
        let form = fold(form);
        verb_forms(stem, false).iter().any(|f| fold(f) == form)
    }

    fn has_call(stem: &str, form: &str) -> bool {
        let fold = crate::normalize::fold_bangla_term;
        let form = fold(form);
        verb_forms(stem, true).iter().any(|f| fold(f) == form)
    }

    #[test]
    fn call_forms_are_imperatives_and_futures() {
        for f in [
            "মার",
            "মারো",
            "মারুন",
            "মারেন",
            "মারুক",
            "মারবো",
            "মারবেন",
            "মারমু",
            "মেরো",
            "মাইরেন",
        ] {
            assert!(has_call("মার", f), "মার:call -> {f}");
        }
        for f in ["মেরেছে", "মারল", "মারছে", "মেরে", "মারতে", "মারা", "মারিস না"]
        {
            assert!(!has_call("মার", f) || f.contains(' '), "মার:call !-> {f}");
        }
        assert!(has_call("দে", "দাও"));
        assert!(has_call("দে", "দিন"));
        assert!(has_call("দে", "দিমু"));
        assert!(!has_call("দে", "দিয়েছে"));
        assert!(!has_call("দে", "দিয়ে"));
        assert!(has_call("পোড়া", "পোড়াও"));
        assert!(has_call("পোড়া", "পুড়াইয়েন"));
        assert!(!has_call("পোড়া", "পুড়িয়েছে"));
        assert!(has_call("কর", "কোরো"));
        assert!(has_call("কর", "করুন"));
        assert!(!has_call("কর", "করেছে"));
    }

    #[test]
    fn akshara_counting() {
        assert_eq!(aksharas("ছাত্রলীগ"), 4);
        assert_eq!(aksharas("খা"), 1);
        assert_eq!(aksharas("পোড়া"), 2);
        assert_eq!(aksharas("জ্বালা"), 2);
    }

    #[test]
    fn c_class_mar() {
        for f in [
            "মার",
            "মারি",
            "মারিস",
            "মারো",
            "মারে",
            "মারেন",
            "মারুক",
            "মারুন",
            "মারছে",
            "মারসে",
            "মারছিল",
            "মারলাম",
            "মারল",
            "মারলো",
            "মারলে",
            "মারতাম",
            "মারতে",
            "মারব",
            "মারবো",
            "মারবি",
            "মারবে",
            "মারবেন",
            "মারমু",
            "মারুম",
            "মারতেছে",
            "মারতাছে",
            "মারা",
            "মারার",
            "মেরে",
            "মেরেছে",
            "মেরেছিল",
            "মেরো",
            "মাইরা",
            "মাইরেন",
            "মারিয়া",
            "মারিতেছে",
        ] {
            assert!(has("মার", f), "মার -> {f}");
        }
        assert!(!has("মার", "মারমা"));
        assert!(!has("মার", "আমার"));
        assert!(!has("মার", "মারাত্মক"));
    }

    #[test]
    fn c_class_alternations() {
        assert!(has("ভাঙ", "ভেঙে"));
        assert!(has("ভাঙ", "ভেঙেছে"));
        assert!(has("ভাঙ", "ভাইঙ্গা"));
        assert!(has("জ্বাল", "জ্বেলে"));
        assert!(has("জ্বাল", "জ্বাইলা"));
        assert!(has("নাম", "নেমে"));
        assert!(has("নাম", "নাইমা"));
        assert!(has("কর", "করে"));
        assert!(has("কর", "করেছে"));
        assert!(has("কর", "কইরা"));
        assert!(has("কর", "কইরেন"));
        assert!(has("কর", "কোরো"));
        assert!(has("কর্", "করুন"));
        assert!(has("ধর", "ধইরা"));
        assert!(has("খোল", "খুলে"));
        assert!(has("খোল", "খুইলা"));
        assert!(has("আস", "এসে"));
        assert!(has("পুড়", "পোড়ে"));
        assert!(has("পুড়", "পুড়েছে"));
        assert!(has("উঠ", "ওঠে"));
        assert!(has("খুল", "খোলো"));
        assert!(has("আস", "আইসা"));
        // explicit alternant
        assert!(has("লেখ/লিখ", "লিখেছে"));
        assert!(!has("লেখ", "লিখেছে"));
    }

    #[test]
    fn causative_class() {
        for f in [
            "পোড়া",
            "পোড়াও",
            "পোড়ায়",
            "পোড়ান",
            "পোড়াচ্ছে",
            "পোড়ালো",
            "পোড়াতে",
            "পোড়াব",
            "পোড়ামু",
            "পোড়ানো",
            "পুড়িয়ে",
            "পুড়িয়েছে",
            "পুড়াও",
            "পুড়াইয়া",
            "পুড়ায়া",
            "পোড়াইছে",
            "পোড়াইতেছে",
            "পোড়াইয়েন",
            "পুড়িয়েন",
        ] {
            assert!(has("পোড়া", f), "পোড়া -> {f}");
        }
        assert!(has("জ্বালা", "জ্বালিয়ে"));
        assert!(has("জ্বালা", "জ্বালাইয়া"));
        assert!(has("জ্বালা", "জ্বালায়া"));
        assert!(has("কোপা", "কুপিয়ে"));
        assert!(has("কোপা", "কোপাও"));
        assert!(has("পিটা", "পিটিয়ে"));
        assert!(has("তাড়া", "তাড়িয়ে"));
        assert!(has("খেদা", "খেদাও"));
        assert!(has("খেদা", "খেদিয়ে"));
        assert!(!has("তাড়া", "তাড়াতাড়ি"));
    }

    #[test]
    fn vowel_and_irregular_verbs() {
        for f in [
            "দাও",
            "দিন",
            "দেন",
            "দিবেন",
            "দিয়েন",
            "দিতে",
            "দিয়ে",
            "দিমু",
            "দেয়া",
            "দিসে",
        ] {
            assert!(has("দে", f), "দে -> {f}");
        }
        assert!(has("নে", "নাও"));
        assert!(has("নে", "নিয়ে"));
        assert!(!has("নে", "নেই"));
        assert!(has("যা", "গেছে"));
        assert!(has("যা", "গিয়ে"));
        assert!(has("হ", "হোক"));
        assert!(has("খা", "খাও"));
        assert!(has("খা", "খেয়েছে"));
        assert!(has("খা", "খেতে"));
        assert!(has("খা", "খাইছে"));
        assert!(!has("খা", "খেলা"));
    }
}
