//! Writes the precomputed default pack (`src/snapshot.rs`) that `./build.sh`
//! embeds in the WASM: `cargo run -p sotorko --example default_snapshot -- FILE`.
fn main() {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: default_snapshot FILE");
        std::process::exit(2);
    };
    let bytes = sotorko::snapshot::generate().unwrap_or_else(|e| {
        eprintln!("the default pack does not load: {e}");
        std::process::exit(1);
    });
    if std::fs::read(&path).ok().as_deref() != Some(&bytes[..]) {
        if let Err(e) = std::fs::write(&path, &bytes) {
            eprintln!("{path}: {e}");
            std::process::exit(1);
        }
    }
    println!("{path}: {} bytes", bytes.len());
}
