//! The share-link decoder. The first byte picks what the rest is:
//! 0: the fragment text itself; 1: the compressed payload (base64url-encoded here);
//! 2+: the JSON payload (compressed and encoded here). Decoding is capped at 1 MiB;
//! whatever decodes must encode and decode back to the same inputs.
#![no_main]

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use libfuzzer_sys::fuzz_target;
use pgsight_core::share::{decode, encode};

const CAP: usize = 1024 * 1024;

fuzz_target!(|data: &[u8]| {
    let Some((&mode, rest)) = data.split_first() else { return };
    let fragment = match mode {
        0 => String::from_utf8_lossy(rest).into_owned(),
        1 => format!("v1.{}", URL_SAFE_NO_PAD.encode(rest)),
        _ => format!("v1.{}", URL_SAFE_NO_PAD.encode(miniz_oxide::deflate::compress_to_vec(rest, 1))),
    };
    if let Ok(inputs) = decode(&fragment, CAP) {
        assert_eq!(decode(&encode(&inputs), usize::MAX).as_ref(), Ok(&inputs), "round trip");
    }
});
