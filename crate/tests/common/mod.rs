//! What several integration tests share: the small custom pack and a way to
//! make a variant of it that names its one change.

/// The one-rule custom pack `local.falcon` (secrecy; `block` in official,
/// `off` in personal context). Tests name its lines: `category` is line 7.
pub const FALCON: &str = include_str!("../packs/falcon.toml");

/// `pack` with `from`, which must stand in it exactly once, replaced by `to`:
/// a variant cannot silently stay the shared pack.
pub fn edit(pack: &str, from: &str, to: &str) -> String {
    assert_eq!(
        pack.matches(from).count(),
        1,
        "`{from}` should stand once in:\n{pack}"
    );
    pack.replacen(from, to, 1)
}
