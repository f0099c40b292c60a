//! Languages, the `text_table!` tables every area declares, and message filling (docs/ARCHITECTURE.md "Translations": every
//! text in English, Polish and Czech).

use serde::{Deserialize, Serialize};

/// A language of the user interface.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Lang {
    #[default]
    En,
    Pl,
    Cs,
}

impl Lang {
    pub const ALL: [Lang; 3] = [Lang::En, Lang::Pl, Lang::Cs];

    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Pl => "pl",
            Lang::Cs => "cs",
        }
    }

    /// The language's own name, as shown in the language picker.
    pub fn native_name(self) -> &'static str {
        match self {
            Lang::En => "English",
            Lang::Pl => "Polski",
            Lang::Cs => "Čeština",
        }
    }

    pub fn from_code(code: &str) -> Option<Lang> {
        let primary = code.trim().split(['-', '_']).next()?.to_ascii_lowercase();
        Lang::ALL.into_iter().find(|l| l.code() == primary)
    }

    /// Picks the first supported language of an `Accept-Language` header.
    pub fn from_accept_language(header: &str) -> Option<Lang> {
        let mut ranked: Vec<(f32, Lang)> = header
            .split(',')
            .filter_map(|part| {
                let mut pieces = part.split(';');
                let lang = Lang::from_code(pieces.next()?)?;
                let q = pieces
                    .find_map(|p| p.trim().strip_prefix("q="))
                    .and_then(|q| q.parse::<f32>().ok())
                    .unwrap_or(1.0);
                Some((q, lang))
            })
            .collect();
        ranked.sort_by(|a, b| b.0.total_cmp(&a.0));
        ranked.first().map(|(_, l)| *l)
    }
}

/// Something with a text in every language.
pub trait Text: Copy {
    fn text(self, lang: Lang) -> &'static str;
}

/// Declares an enum of texts with their English, Polish and Czech versions.
#[macro_export]
macro_rules! text_table {
    ($(#[$meta:meta])* $vis:vis enum $name:ident { $($key:ident => ($en:expr, $pl:expr, $cs:expr),)* }) => {
        $(#[$meta])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
        $vis enum $name { $($key,)* }

        impl $name {
            #[allow(dead_code)]
            pub const ALL: &'static [$name] = &[$($name::$key,)*];
        }

        impl $crate::i18n::Text for $name {
            fn text(self, lang: $crate::i18n::Lang) -> &'static str {
                match (self, lang) {
                    $(
                        ($name::$key, $crate::i18n::Lang::En) => $en,
                        ($name::$key, $crate::i18n::Lang::Pl) => $pl,
                        ($name::$key, $crate::i18n::Lang::Cs) => $cs,
                    )*
                }
            }
        }
    };
}

/// Replaces `{name}` placeholders in a text with the given values.
pub fn fill(text: &str, args: &[(String, String)]) -> String {
    let mut out = text.to_string();
    for (name, value) in args {
        out = out.replace(&format!("{{{name}}}"), value);
    }
    out
}

/// Which plural form of a language a count takes (CLDR's cardinal rules for integers):
/// English one/other, Polish one/few/many, Czech one/few/other.
pub fn plural_form(lang: Lang, n: i64) -> usize {
    let n = n.abs();
    match lang {
        Lang::En => usize::from(n != 1),
        Lang::Pl if n == 1 => 0,
        Lang::Pl if (2..=4).contains(&(n % 10)) && !(12..=14).contains(&(n % 100)) => 1,
        Lang::Pl => 2,
        Lang::Cs if n == 1 => 0,
        Lang::Cs if (2..=4).contains(&n) => 1,
        Lang::Cs => 2,
    }
}

/// As `fill`, and first the plural choices `{name:form|form|…}` by the number `name` holds, in
/// the language's forms (issue 14: "imported into 1 roles").
pub fn fill_in(lang: Lang, text: &str, args: &[(String, String)]) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(start) = rest.find('{') {
        out.push_str(&rest[..start]);
        let Some(len) = rest[start..].find('}') else {
            rest = &rest[start..];
            break;
        };
        let inner = &rest[start + 1..start + len];
        match inner.split_once(':') {
            Some((name, forms)) => {
                let n = args.iter().find(|(k, _)| k == name).and_then(|(_, v)| v.parse::<i64>().ok());
                let forms: Vec<&str> = forms.split('|').collect();
                let pick = n.map(|n| plural_form(lang, n)).unwrap_or(forms.len() - 1);
                out.push_str(forms.get(pick).or(forms.last()).copied().unwrap_or_default());
            }
            None => out.push_str(&rest[start..=start + len]),
        }
        rest = &rest[start + len + 1..];
    }
    out.push_str(rest);
    fill(&out, args)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accept_language_prefers_highest_quality_supported_language() {
        assert_eq!(Lang::from_accept_language("de-DE,cs;q=0.8,pl;q=0.9"), Some(Lang::Pl));
        assert_eq!(Lang::from_accept_language("cs-CZ"), Some(Lang::Cs));
        assert_eq!(Lang::from_accept_language("de,fr;q=0.5"), None);
    }

    #[test]
    fn fill_replaces_every_named_placeholder() {
        let args = vec![("n".to_string(), "5".to_string()), ("who".to_string(), "Ala".to_string())];
        assert_eq!(fill("{who} waits {n} s, {n}!", &args), "Ala waits 5 s, 5!");
    }

    #[test]
    fn counts_take_each_language_s_plural_forms() {
        let text = |lang, n: i64| fill_in(lang, "{n} {n:a|b|c}", &[("n".into(), n.to_string())]);
        assert_eq!(text(Lang::En, 1), "1 a");
        assert_eq!(text(Lang::En, 5), "5 b");
        let pl: Vec<String> = [1, 2, 5, 12, 22, 25].into_iter().map(|n| text(Lang::Pl, n)).collect();
        assert_eq!(pl, ["1 a", "2 b", "5 c", "12 c", "22 b", "25 c"]);
        let cs: Vec<String> = [1, 3, 5, 22].into_iter().map(|n| text(Lang::Cs, n)).collect();
        assert_eq!(cs, ["1 a", "3 b", "5 c", "22 c"]);
        assert_eq!(fill_in(Lang::En, "no choice {x}", &[("x".into(), "y".into())]), "no choice y");
    }
}
