//! Keeps the linker from merging the data of every module into one segment: the splitter of
//! the bundle (cargo-leptos `--split`) cannot divide a merged segment and would leave all of it
//! — every page's texts — in the part every page loads (cargo-leptos issue 679).
fn main() {
    if std::env::var("CARGO_CFG_TARGET_ARCH").is_ok_and(|arch| arch.starts_with("wasm")) {
        println!("cargo:rustc-link-arg-cdylib=--no-merge-data-segments");
    }
}
