//! Numbers as each language writes them, from the Unicode CLDR through ICU4X (`icu_decimal`):
//! "1,234.5" in English, "1 234,5" in French (a narrow no-break space groups the thousands),
//! "1234,5" and "12.345,5" in Spanish (which groups only from five digits); and percentages
//! with the sign where each language puts it ("14.5%", "14,5 %", "14,5 %").

use icu_decimal::DecimalFormatter;
use icu_decimal::input::Decimal;
use icu_locale_core::locale;

use crate::Lang;

thread_local! {
    // ICU4X's data payloads are reference-counted without atomics, so each thread keeps its own
    // three formatters (made once, from the compiled data).
    static FORMATTERS: [DecimalFormatter; 3] = {
        let make = |l: icu_locale_core::Locale| {
            DecimalFormatter::try_new(l.into(), Default::default())
                .expect("ICU4X's compiled data holds English, French and Spanish")
        };
        [make(locale!("en")), make(locale!("fr")), make(locale!("es"))]
    };
}

fn format(lang: Lang, d: &Decimal) -> String {
    let i = match lang {
        Lang::En => 0,
        Lang::Fr => 1,
        Lang::Es => 2,
    };
    FORMATTERS.with(|all| all[i].format(d).to_string())
}

/// A whole number (a count) in `lang`: `12345` → "12,345", "12 345", "12.345".
pub fn integer(lang: Lang, n: i64) -> String {
    format(lang, &Decimal::from(n))
}

/// `x` with exactly `decimals` digits after the separator (rounded half away from zero):
/// `(14.5, 1)` → "14.5", "14,5", "14,5". A value that is not finite is written as Rust writes it.
pub fn decimal(lang: Lang, x: f64, decimals: u8) -> String {
    if !x.is_finite() {
        return x.to_string();
    }
    let scaled = (x * 10f64.powi(i32::from(decimals))).round();
    if scaled.abs() >= 9.0e15 {
        return format!("{x:.*}", usize::from(decimals));
    }
    let mut d = Decimal::from(scaled as i64);
    d.multiply_pow10(-i16::from(decimals));
    format(lang, &d)
}

/// A share (`0.145`) as a percentage with `decimals` digits: "14.5%" in English, "14,5 %" in
/// French (narrow no-break space), "14,5 %" in Spanish (no-break space), as the CLDR writes them.
pub fn percent(lang: Lang, share: f64, decimals: u8) -> String {
    let number = decimal(lang, share * 100.0, decimals);
    match lang {
        Lang::En => format!("{number}%"),
        Lang::Fr => format!("{number}\u{202F}%"),
        Lang::Es => format!("{number}\u{A0}%"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn integers_are_grouped_as_each_language_groups_them() {
        assert_eq!(integer(Lang::En, 1234567), "1,234,567");
        assert_eq!(integer(Lang::Fr, 1234567), "1\u{202F}234\u{202F}567");
        assert_eq!(integer(Lang::Es, 1234567), "1.234.567");
        // Spanish groups four-digit numbers only from five digits on (CLDR minimum grouping 2).
        assert_eq!(integer(Lang::Es, 1234), "1234");
        assert_eq!(integer(Lang::En, 1234), "1,234");
        assert_eq!(integer(Lang::Fr, -42), "-42");
    }

    #[test]
    fn decimals_keep_their_digits_and_use_the_language_separator() {
        assert_eq!(decimal(Lang::En, 14.5, 1), "14.5");
        assert_eq!(decimal(Lang::Fr, 14.5, 1), "14,5");
        assert_eq!(decimal(Lang::Es, 14.5, 1), "14,5");
        assert_eq!(decimal(Lang::Fr, 2.0, 3), "2,000");
        assert_eq!(decimal(Lang::En, 0.6667, 3), "0.667");
        assert_eq!(decimal(Lang::Fr, 12345.25, 2), "12\u{202F}345,25");
        assert_eq!(decimal(Lang::En, -0.5, 0), "-1");
        assert_eq!(decimal(Lang::En, f64::NAN, 1), "NaN");
    }

    #[test]
    fn percentages_put_the_sign_where_each_language_does() {
        assert_eq!(percent(Lang::En, 0.145, 1), "14.5%");
        assert_eq!(percent(Lang::Fr, 0.145, 1), "14,5\u{202F}%");
        assert_eq!(percent(Lang::Es, 0.145, 1), "14,5\u{A0}%");
        assert_eq!(percent(Lang::En, 0.5, 0), "50%");
    }
}
