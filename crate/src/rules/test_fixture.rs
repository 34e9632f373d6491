//! What the unit tests build their small packs from, in one place.

/// One rule of a test pack: `id` in `category`, clause `2016`, `warn` in both
/// contexts, one-letter messages, the matcher lines `body` and one `flag`
/// example. `body` starts on the rule's 8th line.
pub(crate) fn rule(id: &str, category: &str, body: &str) -> String {
    format!(
        "[[rule]]\nid = \"{id}\"\ncategory = \"{category}\"\nclause = \"2016\"\n\
         severity = {{ official = \"warn\", personal = \"warn\" }}\nmessage.en = \"e\"\n\
         message.bn = \"b\"\n{body}\n[rule.examples]\nflag = [\"x\"]\n"
    )
}

/// [`rule`] as the only rule of a pack named `t`; `body` starts on line 11.
pub(crate) fn pack(id: &str, category: &str, body: &str) -> String {
    format!("[pack]\nname = \"t\"\n\n{}", rule(id, category, body))
}

/// The one-rule pack `local.falcon` the integration tests share
/// (tests/packs/falcon.toml): `category` is on line 7.
pub(crate) const FALCON: &str = include_str!("../../tests/packs/falcon.toml");
