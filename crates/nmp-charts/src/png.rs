//! Rasterising the SVG documents to PNG with `resvg`, on a white background, with the system's
//! fonts (loaded once per process).

use std::sync::{Arc, OnceLock};

use resvg::{tiny_skia, usvg};

use crate::ChartError;

/// The widest PNG [`png`] renders.
pub(crate) const MAX_WIDTH_PX: u32 = 8000;

/// The system fonts, loaded on first use.
fn fonts() -> Arc<usvg::fontdb::Database> {
    static FONTS: OnceLock<Arc<usvg::fontdb::Database>> = OnceLock::new();
    FONTS
        .get_or_init(|| {
            let mut db = usvg::fontdb::Database::new();
            db.load_system_fonts();
            db.set_sans_serif_family("DejaVu Sans");
            Arc::new(db)
        })
        .clone()
}

/// Renders an SVG document to a PNG `width_px` pixels wide (height in proportion), on white.
pub fn png(svg: &str, width_px: u32) -> Result<Vec<u8>, ChartError> {
    if width_px == 0 || width_px > MAX_WIDTH_PX {
        return Err(ChartError::Size { width: width_px });
    }
    let options = usvg::Options {
        fontdb: fonts(),
        font_family: "DejaVu Sans".to_owned(),
        ..usvg::Options::default()
    };
    let tree = usvg::Tree::from_str(svg, &options).map_err(|e| ChartError::Svg(e.to_string()))?;
    let size = tree.size();
    let scale = width_px as f32 / size.width();
    let height_px = (size.height() * scale).ceil();
    if !(height_px >= 1.0 && height_px <= MAX_WIDTH_PX as f32 * 4.0) {
        return Err(ChartError::Size { width: width_px });
    }
    let mut pixmap = tiny_skia::Pixmap::new(width_px, height_px as u32).ok_or(ChartError::Size { width: width_px })?;
    pixmap.fill(tiny_skia::Color::WHITE);
    resvg::render(
        &tree,
        tiny_skia::Transform::from_scale(scale, scale),
        &mut pixmap.as_mut(),
    );
    pixmap.encode_png().map_err(|e| ChartError::Encode(e.to_string()))
}
