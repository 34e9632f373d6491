//! Embeds the precomputed default pack (`src/snapshot.rs`) when the build
//! names one with `SOTORKO_PACK_SNAPSHOT=FILE` (`./build.sh` does, for the
//! WASM); otherwise embeds nothing and the pack is loaded from its TOML.
use std::path::PathBuf;

fn main() {
    println!("cargo:rerun-if-env-changed=SOTORKO_PACK_SNAPSHOT");
    println!("cargo:rustc-check-cfg=cfg(sotorko_snapshot)");
    let Some(path) = std::env::var_os("SOTORKO_PACK_SNAPSHOT").filter(|p| !p.is_empty()) else {
        return;
    };
    let path = PathBuf::from(path);
    println!("cargo:rerun-if-changed={}", path.display());
    let bytes = std::fs::read(&path)
        .unwrap_or_else(|e| panic!("SOTORKO_PACK_SNAPSHOT={}: {e}", path.display()));
    let out = PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
    let dest = out.join("default-pack.bin");
    if std::fs::read(&dest).ok().as_deref() != Some(&bytes[..]) {
        std::fs::write(&dest, &bytes).expect("write OUT_DIR/default-pack.bin");
    }
    // The library embeds it, and leaves the pack's TOML out of its default-pack path.
    println!("cargo:rustc-cfg=sotorko_snapshot");
}
