//! Cognate keys: one key for the English, French and Spanish spellings of the same learned word,
//! so that a word typed in one language finds its cousin in another ("prevencion" finds
//! "prévention", "commission" finds "comisión", "mechanism" finds "mecanismo").
//!
//! Stemming cannot do this: each language's stemmer cuts its own suffixes ("prevent" in French,
//! "prevencion" in Spanish). The key is made from the lower-cased, accent-folded word by a few
//! spelling rules that hold across the three languages for the vocabulary of this field (Latin
//! words in `-tion`/`-ción`, `-ité`/`-idad`/`-ity`, `-isme`/`-ismo`/`-ism`, doubled consonants):
//!
//! 1. words shorter than five letters (or holding a digit) are their own key;
//! 2. `y` reads `i`, `th` reads `t`, `ph` reads `f`, `ch` and `qu` read `c`;
//! 3. a final `s`, then final vowels, are dropped (`genocidios`, `génocide` → `genocid`);
//! 4. the endings `tion` → `cion`, `idad` → `it` (`prevention` → `prevencion`, `atrocidad` →
//!    `atrocit`);
//! 5. doubled letters are written once (`commission` → `comision`, `protection` → `protecion`).
//!
//! The keys are indexed in a field of their own, searched with a low weight beside the
//! stemmed fields: an exact or stemmed match always ranks above a cognate one. The rules are
//! deliberately few: each was checked against the starter dataset's vocabulary, and a key that
//! joins two unrelated words only adds a low-ranked hit.

use tantivy::tokenizer::{Token, TokenFilter, TokenStream, Tokenizer};

/// The cognate key of a lower-cased, accent-folded word.
pub fn key(word: &str) -> String {
    if word.len() < 5 || !word.bytes().all(|b| b.is_ascii_lowercase()) {
        return word.to_string();
    }
    let mut w = word
        .replace('y', "i")
        .replace("th", "t")
        .replace("ph", "f")
        .replace("ch", "c")
        .replace("qu", "c");
    let mut bytes: Vec<u8> = w.into_bytes();
    if bytes.len() > 4 && bytes.last() == Some(&b's') {
        bytes.pop();
    }
    while bytes.len() > 4 && bytes.last().is_some_and(|b| b"aeiou".contains(b)) {
        bytes.pop();
    }
    w = String::from_utf8(bytes).unwrap_or_default();
    for (from, to) in [("tion", "cion"), ("idad", "it")] {
        if let Some(stem) = w.strip_suffix(from) {
            w = format!("{stem}{to}");
            break;
        }
    }
    let mut bytes = w.into_bytes();
    bytes.dedup();
    String::from_utf8(bytes).unwrap_or_default()
}

/// A token filter replacing each (lower-cased, folded) token by its cognate key.
#[derive(Clone, Copy, Debug, Default)]
pub struct CognateFilter;

impl TokenFilter for CognateFilter {
    type Tokenizer<T: Tokenizer> = CognateTokenizer<T>;

    fn transform<T: Tokenizer>(self, tokenizer: T) -> CognateTokenizer<T> {
        CognateTokenizer(tokenizer)
    }
}

/// [`CognateFilter`] applied to a tokenizer.
#[derive(Clone)]
pub struct CognateTokenizer<T>(T);

impl<T: Tokenizer> Tokenizer for CognateTokenizer<T> {
    type TokenStream<'a> = CognateStream<T::TokenStream<'a>>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> Self::TokenStream<'a> {
        CognateStream(self.0.token_stream(text))
    }
}

/// The token stream of [`CognateTokenizer`].
pub struct CognateStream<S>(S);

impl<S: TokenStream> TokenStream for CognateStream<S> {
    fn advance(&mut self) -> bool {
        if !self.0.advance() {
            return false;
        }
        let token = self.0.token_mut();
        token.text = key(&token.text);
        true
    }

    fn token(&self) -> &Token {
        self.0.token()
    }

    fn token_mut(&mut self) -> &mut Token {
        self.0.token_mut()
    }
}

#[cfg(test)]
mod tests {
    use super::key;

    fn same(words: &[&str]) {
        let keys: Vec<String> = words.iter().map(|w| key(w)).collect();
        assert!(keys.windows(2).all(|k| k[0] == k[1]), "{words:?} → {keys:?}");
    }

    #[test]
    fn cousins_share_a_key_and_strangers_do_not() {
        // Already lower-cased and folded, as the analyser gives them.
        same(&["prevencion", "prevention", "preventions"]);
        same(&["comision", "commission", "commissions", "comisiones"]);
        same(&["genocide", "genocidio", "genocidios", "genocides"]);
        same(&["mecanisme", "mecanismo", "mechanism", "mechanisms"]);
        same(&["atrocidad", "atrocites", "atrocities", "atrocidades"]);
        same(&["reconciliation", "reconciliacion"]);
        same(&["evaluation", "evaluacion"]);
        same(&["proteccion", "protection"]);
        same(&["politique", "politica"]);
        same(&["comite", "committee"]);
        assert_ne!(key("prevention"), key("protection"));
        assert_ne!(key("genocide"), key("general"));
        // Short words and codes are left alone.
        assert_eq!(key("paix"), "paix");
        assert_eq!(key("cod2017"), "cod2017");
        assert_eq!(key("plan"), "plan");
    }
}
