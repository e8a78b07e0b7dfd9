//! Content hashes: SHA-256 as lower-case hex, the one spelling used for audit events, edition
//! snapshots, imported files and attachments.

use sha2::{Digest, Sha256};

/// SHA-256 of `bytes`, lower-case hex.
pub fn sha256_hex(bytes: &[u8]) -> String {
    hex::encode(Sha256::digest(bytes))
}

/// SHA-256 of content fed piece by piece (a backup file, too large to hold at once), lower-case
/// hex at the end: `Sha256Stream::default()`, `update` as often as needed, then `finish`.
#[derive(Clone, Default)]
pub struct Sha256Stream(Sha256);

impl Sha256Stream {
    /// Adds `bytes` to what is hashed.
    pub fn update(&mut self, bytes: &[u8]) {
        self.0.update(bytes);
    }

    /// The hash of everything added, lower-case hex.
    pub fn finish(self) -> String {
        hex::encode(self.0.finalize())
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn known_digest() {
        assert_eq!(
            super::sha256_hex(b"abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
    }

    #[test]
    fn streamed_equals_whole() {
        let mut stream = super::Sha256Stream::default();
        stream.update(b"a");
        stream.update(b"");
        stream.update(b"bc");
        assert_eq!(stream.finish(), super::sha256_hex(b"abc"));
    }
}
