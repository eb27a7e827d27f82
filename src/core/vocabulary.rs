//! One vocabulary everywhere: the same tokens in the CLI, the share link, saved state and JSON.

/// Declares a domain enum together with its tokens, so a token can never drift from its variant.
macro_rules! vocabulary {
    ($(#[$meta:meta])* pub enum $name:ident { $($(#[$vmeta:meta])* $variant:ident => $token:literal,)+ }) => {
        $(#[$meta])*
        #[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Debug)]
        pub enum $name { $($(#[$vmeta])* $variant,)+ }

        impl $name {
            /// Every value, in the order the wizard offers them.
            pub const ALL: &'static [$name] = &[$($name::$variant,)+];

            pub const fn token(self) -> &'static str {
                match self { $($name::$variant => $token,)+ }
            }

            pub fn from_token(token: &str) -> Option<Self> {
                Self::ALL.iter().copied().find(|value| value.token() == token)
            }
        }

        impl serde::Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.serialize_str(self.token())
            }
        }

        impl<'de> serde::Deserialize<'de> for $name {
            fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                let token = <std::borrow::Cow<'de, str>>::deserialize(deserializer)?;
                Self::from_token(&token).ok_or_else(|| {
                    serde::de::Error::custom(format!("unknown {} '{}'", stringify!($name), token))
                })
            }
        }
    };
}

pub(crate) use vocabulary;
