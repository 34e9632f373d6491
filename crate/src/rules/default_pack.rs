//! The default rule pack, embedded at compile time from `crate/rules/default/`.

use super::Source;

/// The default pack's files, in the order they are merged (file-name order).
pub const DEFAULT_PACK_FILES: &[(&str, &str)] = &[
    (
        "00-sets.toml",
        include_str!("../../rules/default/00-sets.toml"),
    ),
    (
        "05-targets.toml",
        include_str!("../../rules/default/05-targets.toml"),
    ),
    (
        "60-frames.toml",
        include_str!("../../rules/default/60-frames.toml"),
    ),
    (
        "65-frames-register.toml",
        include_str!("../../rules/default/65-frames-register.toml"),
    ),
    (
        "90-model.toml",
        include_str!("../../rules/default/90-model.toml"),
    ),
    (
        "belittling.toml",
        include_str!("../../rules/default/belittling.toml"),
    ),
    (
        "ethnic-minority.toml",
        include_str!("../../rules/default/ethnic-minority.toml"),
    ),
    (
        "gender.toml",
        include_str!("../../rules/default/gender.toml"),
    ),
    (
        "incitement.toml",
        include_str!("../../rules/default/incitement.toml"),
    ),
    (
        "national-unity.toml",
        include_str!("../../rules/default/national-unity.toml"),
    ),
    (
        "personal-content.toml",
        include_str!("../../rules/default/personal-content.toml"),
    ),
    (
        "political.toml",
        include_str!("../../rules/default/political.toml"),
    ),
    (
        "religious-harmony.toml",
        include_str!("../../rules/default/religious-harmony.toml"),
    ),
    (
        "secrecy.toml",
        include_str!("../../rules/default/secrecy.toml"),
    ),
];

/// The default pack as sources ready for [`super::load`].
pub fn default_sources() -> Vec<Source<'static>> {
    DEFAULT_PACK_FILES
        .iter()
        .map(|&(name, text)| Source { name, text })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn files_are_in_name_order_and_match_the_folder() {
        let names: Vec<&str> = DEFAULT_PACK_FILES.iter().map(|f| f.0).collect();
        let mut sorted = names.clone();
        sorted.sort_unstable();
        assert_eq!(names, sorted);
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/rules/default");
        let mut on_disk: Vec<String> = std::fs::read_dir(dir)
            .expect("rules/default exists")
            .filter_map(|e| e.ok())
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .filter(|n| n.ends_with(".toml"))
            .collect();
        on_disk.sort_unstable();
        assert_eq!(
            names, on_disk,
            "every file in rules/default must be embedded"
        );
    }
}
