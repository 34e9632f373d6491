//! Romanised paradigms of Bangla verbs (`banglish_verbs`), generated when
//! the engine is built and matched in the Banglish skeleton view (so `ch`/
//! `c`, `v`/`bh`, doubled letters and the other skeleton folds apply to
//! every generated form).
//!
//! The classes are those of the Bangla paradigms (module `bangla`), read
//! from the Latin stem:
//!
//! - built-in irregular verbs: `de`/`di` "give", `ne`/`ni` "take", `ja`
//!   "go", `ho` "be";
//! - one syllable ending in `a` (`kha`, `cha`): perfect stem with `e`
//!   (`kheyeche`, `khelam`);
//! - longer and ending in `a` (`pora`, `jala`, `tara`, `kheda`, `kopa`,
//!   `pita`): causatives, perfect stem with final `i` (`puriye`,
//!   `jaliye`); a first-syllable `o` is also read as `u` (`purao`);
//! - anything else (`mar`, `kor`, `dhor`, `bhang`, `nam`): C-class, perfect
//!   stem with the first `a` as `e` (`mere`, `venge`, `neme`), dialect stem
//!   with `i` after the first vowel (`maira`, `koira`, `vaingga`).
//!
//! `STEM/ALT` gives the alternant stem (`khol/khul` → `khule`).

use crate::normalize::skeleton_term;

const C_BASE: &[&str] = &[
    "", "o", "i", "is", "ish", "e", "en", "un", "uk", "s", // present, imperative
    "chi", "chis", "cho", "che", "chen", "chos", "si", "se", "sen", "sos", "ci", "ce", "cen",
    // progressive, colloquial perfect
    "chilam", "chilo", "chile", "chilen", "chili", "silam", "silo", "sile", "silen",
    "cilo", // past progressive
    "lam", "lm", "li", "le", "lo", "len", "la", "lum", // past, conditional
    "tam", "tis", "te", "to", "ten", "ta", "tish", // habitual, infinitive
    "bo", "b", "bi", "be", "ben", "ba", "mu", "um", // future
    "tesi", "tese", "tesen", "tesis", "tasi", "tase", "tasen", "tachi", "tache", "techi", "teche",
    "tecen", "tesilam", "tesilo", "techilo", "tasilo", "tachilo", // dialect progressive
    "a", "ar", // verbal noun
    "iya", "ia", "ite", "ibe", "ilo", "ile", "iyache", "itese", "iteche", // sadhu
];

const C_PERFECT: &[&str] = &[
    "e", "eche", "echi", "echis", "echen", "echo", "ese", "esi", "esen", "esis", "ece", "eci",
    "echilo", "echilam", "echile", "esilo", "esilam", "o",
];

const C_DIALECT: &[&str] = &["a", "en", "o"];

const V_BASE: &[&str] = &[
    "", "i", "s", "o", "w", "y", "n", "k", // present, imperative
    "cchi", "cche", "cchis", "cchen", "ccho", "chi", "che", "chen", "ssi", "sse", "ssen", "cci",
    "cce", "cchilo", "cchilam", "chilo", "ssilo", // progressive
    "bo", "b", "bi", "be", "ben", "ba", "mu", // future
    "ise", "isi", "isen", "ichhe", "iche", "ichi", "ichen", "itese", "itase", "iteche", "itesi",
    "itasi", // colloquial perfect, dialect progressive
    "iya", "ia", "iyen", "ien", "ilam", "ilo", "ile", "ibo", "ibe", "imu", "ite", // dialect
];

const CAUSATIVE_BASE: &[&str] = &[
    "lam", "li", "le", "lo", "len", "la", "tam", "te", "to", "ten", "no", "nor", "ya",
];

const V_PERFECT: &[&str] = &[
    "ye", "e", "yeche", "yechi", "yechen", "yese", "yesi", "eche", "ese", "yo", "o", "yen", "en",
    "ya", "a",
];

const MONO_PAST: &[&str] = &["lam", "li", "le", "lo", "len", "tam", "te", "to", "ten"];

const MONO_NOUN: &[&str] = &["wa", "oa", "oya", "war"];

/// `de` "give"; `ne` "take" is the same with `n`.
const DE: &[&str] = &[
    "de", "dey", "dei", "dii", "dis", "dao", "daw", "dau", "den", "din", "dik", "dio", "diyo",
    "diyen", "dien", "dibo", "debo", "dib", "deb", "dibi", "dibe", "debe", "diben", "deben",
    "diba", "dimu", "dilam", "dili", "dile", "dilo", "dilen", "dila", "ditam", "dite", "dito",
    "diten", "dichi", "diche", "dicche", "dichen", "disi", "dise", "disen", "dicci", "ditese",
    "ditase", "diteche", "ditachi", "ditasi", "diye", "die", "diya", "dia", "diyeche", "diyechi",
    "diyese", "dewa", "deya", "deoa", "dewar", "deyar", "dewya",
];

const JA: &[&str] = &[
    "ja", "jai", "jas", "jao", "jaw", "jay", "jan", "jak", "jeo", "jacchi", "jacche", "jacchen",
    "jassi", "jasse", "gechi", "geche", "gechen", "gesi", "gese", "gesen", "giyeche", "giyechi",
    "gelam", "geli", "gele", "gelo", "gelen", "gela", "jetam", "jete", "jeto", "jeten", "jabo",
    "jab", "jabi", "jabe", "jaben", "jaba", "jamu", "jaitesi", "jaitese", "jaitase", "giye", "gie",
    "giya", "jaiya", "jeye", "jawa", "jaoa", "jaoya", "jawar", "jaibo", "jaibe", "jaite",
];

const HO: &[&str] = &[
    "ho", "hoi", "hos", "hoo", "hoy", "hon", "hok", "hocchi", "hocche", "hocchen", "hossi",
    "hosse", "hoyechi", "hoyeche", "hoyechen", "hoise", "hoisi", "hoyse", "holam", "holi", "hole",
    "holo", "holen", "hoilam", "hoilo", "hoile", "hotam", "hote", "hoto", "hoten", "hoite", "hobo",
    "hob", "hobi", "hobe", "hoben", "hoba", "homu", "hoibo", "hoibe", "hoitese", "hoitase", "hoye",
    "hoiya", "howa", "hoa", "hoowa", "howar",
];

/// Common English words whose skeleton equals a generated form (`marche`
/// = `march`, `nao` = `no`, `dao` = `do`, `hoy` = `how`, `dish`): such
/// forms are left out of verbs used alone (without earlier words), because
/// English text goes through the skeleton view too.
const ENGLISH_WORDS: &[&str] = &[
    "march", "no", "now", "how", "hot", "house", "kiss", "call", "cell", "dine", "door", "in",
    "do", "dish", "nice", "nine", "hole", "done", "dies", "jail", "mile", "more", "pore", "core",
    "date", "tore", "mate", "made", "hate", "tale", "sale", "bore", "kite", "kit", "note", "nose",
    "home", "hose", "host", "hold", "hall", "hell", "hill", "jam",
];

fn is_vowel(c: char) -> bool {
    matches!(c, 'a' | 'e' | 'i' | 'o' | 'u')
}

fn first_vowel(stem: &str) -> Option<usize> {
    stem.find(is_vowel)
}

fn vowel_groups(stem: &str) -> usize {
    let mut n = 0;
    let mut prev = false;
    for c in stem.chars() {
        let v = is_vowel(c);
        if v && !prev {
            n += 1;
        }
        prev = v;
    }
    n
}

/// Call forms (imperatives and futures) among the endings of each slot.
const C_BASE_CALL: &[&str] = &[
    "", "o", "un", "uk", "en", "is", "ish", "bo", "b", "bi", "be", "ben", "ba", "mu", "um", "ibe",
];
const C_PERFECT_CALL: &[&str] = &["o"];
const C_DIALECT_CALL: &[&str] = &["en", "o"];
const V_BASE_CALL: &[&str] = &[
    "", "o", "w", "k", "n", "bo", "b", "bi", "be", "ben", "ba", "mu", "iyen", "ien", "ibo", "ibe",
    "imu",
];
const V_PERFECT_CALL: &[&str] = &["yo", "o", "yen", "en"];
const DE_CALL: &[&str] = &[
    "de", "dao", "daw", "dau", "den", "din", "dik", "dio", "diyo", "diyen", "dien", "dis", "dibo",
    "debo", "dib", "deb", "dibi", "dibe", "debe", "diben", "deben", "diba", "dimu",
];
const JA_CALL: &[&str] = &[
    "ja", "jao", "jaw", "jan", "jak", "jeo", "jabo", "jab", "jabi", "jabe", "jaben", "jaba",
    "jamu", "jaibo", "jaibe",
];
const HO_CALL: &[&str] = &[
    "ho", "hoo", "hon", "hok", "hobo", "hob", "hobi", "hobe", "hoben", "hoba", "homu", "hoibo",
    "hoibe",
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

    /// Adds whole forms of an irregular verb, with the first letter as `initial`.
    fn irregular(&mut self, table: &[&str], call: &[&str], initial: Option<char>) {
        for f in table {
            if self.call_only && !call.contains(f) {
                continue;
            }
            let form = match initial {
                Some(c) => format!("{c}{}", f.get(1..).unwrap_or("")),
                None => (*f).to_owned(),
            };
            if self.seen.insert(form.clone()) {
                self.out.push(form);
            }
        }
    }
}

/// Every romanised form of a verb stem as written in `banglish_verbs`
/// (`mar`, `pora`, `de`, or `STEM/ALT`), lower-case, before skeleton
/// folding. Empty when the stem has no letters. `alone`: the verb is used
/// without earlier words, so forms that read as common English words are
/// left out. `call_only`: only the call forms (the `:call` tag).
pub(crate) fn verb_forms(spec: &str, alone: bool, call_only: bool) -> Vec<String> {
    let mut forms = paradigm(spec, call_only);
    if alone {
        let blocked: Vec<String> = ENGLISH_WORDS.iter().map(|w| skeleton_term(w)).collect();
        forms.retain(|f| !blocked.contains(&skeleton_term(f)));
    }
    forms
}

fn paradigm(spec: &str, call_only: bool) -> Vec<String> {
    let spec = spec.to_ascii_lowercase();
    let (stem, alt) = match spec.split_once('/') {
        Some((s, a)) => (s.trim(), Some(a.trim()).filter(|a| !a.is_empty())),
        None => (spec.trim(), None),
    };
    let mut f = Forms {
        out: Vec::new(),
        seen: std::collections::HashSet::new(),
        call_only,
    };
    if stem.is_empty() || !stem.chars().all(|c| c.is_ascii_lowercase()) {
        return f.out;
    }
    match stem {
        "de" | "di" | "da" | "dao" => f.irregular(DE, DE_CALL, Some('d')),
        "ne" | "ni" | "nao" => f.irregular(DE, DE_CALL, Some('n')),
        "ja" | "jao" => f.irregular(JA, JA_CALL, None),
        "ho" | "hw" | "hoy" | "hou" => f.irregular(HO, HO_CALL, None),
        _ => {}
    }
    if !f.out.is_empty() {
        return f.out;
    }
    if let Some(base) = stem.strip_suffix('a') {
        if vowel_groups(stem) == 1 {
            let perfect = alt.map_or_else(|| format!("{base}e"), str::to_owned);
            f.push(stem, V_BASE, V_BASE_CALL);
            f.push(stem, MONO_NOUN, &[]);
            f.push(&perfect, MONO_PAST, &[]);
            f.push(&perfect, V_PERFECT, V_PERFECT_CALL);
            return f.out;
        }
        let mut bases = vec![stem.to_owned()];
        if let Some(i) = first_vowel(stem) {
            if stem[i..].starts_with('o') && i + 1 < stem.len() - 1 {
                bases.push(format!("{}u{}", &stem[..i], &stem[i + 1..]));
            }
        }
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
            let i_stem = format!("{}i", b.strip_suffix('a').unwrap_or(b));
            f.push(&i_stem, V_PERFECT, V_PERFECT_CALL);
        }
        return f.out;
    }
    f.push(stem, C_BASE, C_BASE_CALL);
    let fv = first_vowel(stem);
    let perfect = match (alt, fv) {
        (Some(a), _) => a.to_owned(),
        (None, Some(i)) if stem[i..].starts_with('a') => {
            format!("{}e{}", &stem[..i], &stem[i + 1..])
        }
        _ => stem.to_owned(),
    };
    f.push(&perfect, C_PERFECT, C_PERFECT_CALL);
    if let Some(i) = fv {
        if i + 1 < stem.len() {
            let dialect = format!("{}i{}", &stem[..=i], &stem[i + 1..]);
            f.push(&dialect, C_DIALECT, C_DIALECT_CALL);
            if dialect.ends_with("ng") {
                f.push(&format!("{dialect}g"), C_DIALECT, C_DIALECT_CALL);
            }
        }
    }
    f.out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// True when `form` (as typed) meets a generated form of `stem` in the skeleton view.
    fn meets(stem: &str, form: &str) -> bool {
        let form = skeleton_term(form);
        verb_forms(stem, false, false)
            .iter()
            .any(|f| skeleton_term(f) == form)
    }

    fn meets_alone(stem: &str, form: &str) -> bool {
        let form = skeleton_term(form);
        verb_forms(stem, true, false)
            .iter()
            .any(|f| skeleton_term(f) == form)
    }

    #[test]
    fn c_class() {
        for f in [
            "mar", "maro", "marun", "marbo", "marmu", "mere", "maira", "marse", "marche", "mara",
            "marte", "marle", "marlam", "marben", "mairen", "mereche", "marteche", "martese",
            "martase", "marbi", "mar", "marish",
        ] {
            assert!(meets("mar", f), "mar -> {f}");
        }
        for f in [
            "kor", "koro", "korun", "korbo", "korum", "kormu", "korse", "korce", "kortese",
        ] {
            assert!(meets("kor", f), "kor -> {f}");
        }
        assert!(meets("kor", "koira"));
        assert!(meets("kor", "koiren"));
        assert!(meets("dhor", "dhoira"));
        assert!(meets("bhang", "venge"));
        assert!(meets("vang", "bhenge"));
        assert!(meets("bhang", "vaingga"));
        assert!(meets("nam", "neme"));
        assert!(meets("nam", "naima"));
        assert!(meets("khol/khul", "khule"));
        assert!(!meets("mar", "marma"));
        assert!(!meets("mar", "amar"));
        assert!(!meets("mar", "market"));
        assert!(meets("mar", "marche"));
        assert!(!meets_alone("mar", "march"));
        assert!(meets_alone("mar", "maro"));
        assert!(!meets_alone("ne", "no"));
        assert!(!meets_alone("ne", "now"));
        assert!(!meets_alone("de", "do"));
        assert!(meets_alone("de", "diye"));
    }

    #[test]
    fn call_forms() {
        let call = |stem: &str, form: &str| {
            let form = skeleton_term(form);
            verb_forms(stem, false, true)
                .iter()
                .any(|f| skeleton_term(f) == form)
        };
        for f in ["mar", "maro", "marun", "maren", "marbo", "marmu", "mairen"] {
            assert!(call("mar", f), "mar:call -> {f}");
        }
        for f in ["mereche", "marlo", "marse", "maira", "marte", "mara"] {
            assert!(!call("mar", f), "mar:call !-> {f}");
        }
        assert!(call("de", "dao"));
        assert!(call("de", "dimu"));
        assert!(!call("de", "diye"));
        assert!(call("pora", "purao"));
        assert!(!call("pora", "puriye"));
    }

    #[test]
    fn causatives() {
        for f in [
            "porao",
            "purao",
            "puriye",
            "puraiya",
            "poraiya",
            "porano",
            "poraw",
            "poraise",
            "puraitese",
        ] {
            assert!(meets("pora", f), "pora -> {f}");
        }
        for f in ["jalao", "jalaw", "jaliye", "jalaiya", "jalaya", "jalamu"] {
            assert!(meets("jala", f), "jala -> {f}");
        }
        assert!(meets("tara", "tarao"));
        assert!(meets("tara", "tariye"));
        assert!(meets("kheda", "khedao"));
        assert!(meets("kopa", "kupiye"));
        assert!(meets("pita", "pitiye"));
        assert!(meets("pita", "pitaiya"));
    }

    #[test]
    fn vowel_and_irregular_verbs() {
        for f in [
            "dao", "daw", "de", "dis", "den", "din", "dibo", "debo", "dimu", "diben", "diyen",
            "dien", "dise", "diche", "disi", "ditese", "diye", "die", "diya", "deya", "dewa",
            "deoa", "dilo",
        ] {
            assert!(meets("de", f), "de -> {f}");
        }
        assert!(meets("di", "dao"));
        assert!(meets("ne", "nao"));
        assert!(meets("ja", "gese"));
        assert!(meets("ho", "hoise"));
        assert!(meets("kha", "khaise"));
        assert!(meets("kha", "kheyeche"));
        assert!(meets("kha", "khete"));
    }
}
