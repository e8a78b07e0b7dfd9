//! PNG output: rendered at the requested width with its text, and bad input refused.

use super::*;

fn decode(bytes: &[u8]) -> tiny_skia::Pixmap {
    assert!(bytes.starts_with(&[0x89, b'P', b'N', b'G', b'\r', b'\n', 0x1a, b'\n']));
    tiny_skia::Pixmap::decode_png(bytes).expect("decodes")
}

#[test]
fn png_renders_at_the_requested_width_with_text() {
    let image = decode(&png(&bar(&sample_bar(false)), 1200).expect("renders"));
    assert_eq!(image.width(), 1200);
    assert!(image.height() > 400);

    // Text alone renders, so fonts were found.
    let text = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 100 20\">\
                <text x=\"5\" y=\"15\" font-family=\"DejaVu Sans, Arial, sans-serif\" font-size=\"12\">Text</text></svg>";
    let image = decode(&png(text, 100).expect("renders"));
    assert_eq!((image.width(), image.height()), (100, 20));
    assert!(image.pixels().iter().any(|p| p.red() < 128), "no text was drawn");

    let image = decode(&png(&map(&sample_map()).svg, 960).expect("renders"));
    assert_eq!(image.width(), 960);
}

#[test]
fn png_rejects_bad_input() {
    assert!(matches!(png("<svg", 100), Err(ChartError::Svg(_))));
    assert!(matches!(
        png(&bar(&sample_bar(false)), 0),
        Err(ChartError::Size { width: 0 })
    ));
    assert!(matches!(
        png(&bar(&sample_bar(false)), 100_000),
        Err(ChartError::Size { .. })
    ));
}
