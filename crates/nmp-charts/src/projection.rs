//! The Equal Earth projection (Šavrič, Patterson & Jenny 2018), an equal-area pseudocylindrical
//! projection: countries keep their true relative size, and the world keeps a familiar shape.

const A1: f64 = 1.340_264;
const A2: f64 = -0.081_106;
const A3: f64 = 0.000_893;
const A4: f64 = 0.003_796;

/// Projects a longitude and latitude in degrees to unscaled (x, y), with y pointing north and
/// (0, 0) at the centre. The world spans about ±2.71 in x and ±1.32 in y.
pub(crate) fn equal_earth(lon_deg: f64, lat_deg: f64) -> (f64, f64) {
    let m = 3f64.sqrt() / 2.0;
    let lambda = lon_deg.to_radians();
    let theta = (m * lat_deg.to_radians().sin()).asin();
    let t2 = theta * theta;
    let t6 = t2 * t2 * t2;
    let x =
        2.0 * 3f64.sqrt() * lambda * theta.cos() / (3.0 * (9.0 * A4 * t6 * t2 + 7.0 * A3 * t6 + 3.0 * A2 * t2 + A1));
    let y = theta * (A1 + A2 * t2 + t6 * (A3 + A4 * t2));
    (x, y)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() < 1e-9
    }

    #[test]
    fn centre_maps_to_origin() {
        assert_eq!(equal_earth(0.0, 0.0), (0.0, 0.0));
    }

    #[test]
    fn is_symmetric() {
        for (lon, lat) in [(30.0, 10.0), (120.0, 60.0), (180.0, 89.0), (5.5, -33.0)] {
            let (x, y) = equal_earth(lon, lat);
            let (xw, yw) = equal_earth(-lon, lat);
            let (xs, ys) = equal_earth(lon, -lat);
            assert!(close(x, -xw) && close(y, yw), "east-west at {lon},{lat}");
            assert!(close(x, xs) && close(y, -ys), "north-south at {lon},{lat}");
        }
    }

    #[test]
    fn matches_published_extent() {
        // The published bounds of Equal Earth on the unit sphere: x ±2.7066, y ±1.3173.
        let (x, _) = equal_earth(180.0, 0.0);
        let (_, y) = equal_earth(0.0, 90.0);
        assert!((x - 2.7066).abs() < 1e-3, "{x}");
        assert!((y - 1.3173).abs() < 1e-3, "{y}");
    }
}
