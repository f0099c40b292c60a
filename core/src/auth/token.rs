//! Session tokens: a new random one for the cookie, and what is stored of it.

use base64::Engine;
use sha2::{Digest, Sha256};

/// A new random session token for the cookie.
pub fn new_token() -> String {
    let bytes: [u8; 32] = rand::random();
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes)
}

/// What is stored of a token: its SHA-256, hex.
pub fn hash_token(token: &str) -> String {
    Sha256::digest(token.as_bytes()).iter().map(|b| format!("{b:02x}")).collect()
}

/// What is stored of a card number (issue 17): a card signs in alone, so it is found by its
/// number — the same digest for every user, surrounding spaces ignored.
pub fn card_key(card: &str) -> String {
    hash_token(card.trim())
}
