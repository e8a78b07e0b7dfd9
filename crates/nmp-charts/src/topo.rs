//! A small TopoJSON decoder for the polygons of one geometry collection.
//!
//! The `topojson` crate on crates.io (0.5) is pinned to `geojson` below 0.24 while the current
//! `geojson` is 1.0, and we only need polygons, so decoding is done here: arcs are delta-encoded and
//! quantised (undone with the topology's `transform`), and a negative arc index `!i` means arc `i`
//! reversed. Rings are joined from their arcs, dropping each arc's first point after the first.

use std::collections::BTreeMap;

use serde::Deserialize;

/// A decoded feature: its id and name, and its polygons as rings of (longitude, latitude).
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Feature {
    pub(crate) id: Option<String>,
    pub(crate) name: String,
    /// Polygons; each one's first ring is the outer boundary, the others holes.
    pub(crate) polygons: Vec<Vec<Vec<(f64, f64)>>>,
}

#[derive(Deserialize)]
struct Topology {
    #[serde(default)]
    transform: Option<Transform>,
    objects: BTreeMap<String, Object>,
    arcs: Vec<Vec<Vec<f64>>>,
}

#[derive(Deserialize)]
struct Transform {
    scale: [f64; 2],
    translate: [f64; 2],
}

#[derive(Deserialize)]
struct Object {
    #[serde(default)]
    geometries: Vec<Geometry>,
}

#[derive(Deserialize)]
#[serde(tag = "type")]
enum Geometry {
    Polygon {
        arcs: Vec<Vec<i64>>,
        #[serde(default)]
        id: Option<String>,
        #[serde(default)]
        properties: Properties,
    },
    MultiPolygon {
        arcs: Vec<Vec<Vec<i64>>>,
        #[serde(default)]
        id: Option<String>,
        #[serde(default)]
        properties: Properties,
    },
    #[serde(other)]
    Other,
}

#[derive(Deserialize, Default)]
struct Properties {
    #[serde(default)]
    name: String,
}

/// Why a topology could not be decoded.
#[derive(Debug, thiserror::Error)]
pub(crate) enum TopoError {
    #[error("not TopoJSON: {0}")]
    Json(#[from] serde_json::Error),
    #[error("no object named {0:?}")]
    NoObject(String),
    #[error("arc index {0} out of range")]
    Arc(i64),
}

/// Decodes the polygons of the geometry collection `object` in `json`.
pub(crate) fn decode(json: &str, object: &str) -> Result<Vec<Feature>, TopoError> {
    let topology: Topology = serde_json::from_str(json)?;
    let arcs: Vec<Vec<(f64, f64)>> = topology
        .arcs
        .iter()
        .map(|arc| decode_arc(arc, topology.transform.as_ref()))
        .collect();
    let collection = topology
        .objects
        .get(object)
        .ok_or_else(|| TopoError::NoObject(object.to_owned()))?;
    let mut features = Vec::with_capacity(collection.geometries.len());
    for geometry in &collection.geometries {
        let (polygons, id, name) = match geometry {
            Geometry::Polygon {
                arcs: rings,
                id,
                properties,
            } => (vec![polygon(rings, &arcs)?], id, &properties.name),
            Geometry::MultiPolygon {
                arcs: polys,
                id,
                properties,
            } => (
                polys
                    .iter()
                    .map(|rings| polygon(rings, &arcs))
                    .collect::<Result<_, _>>()?,
                id,
                &properties.name,
            ),
            Geometry::Other => continue,
        };
        features.push(Feature {
            id: id.clone(),
            name: name.clone(),
            polygons,
        });
    }
    Ok(features)
}

fn decode_arc(arc: &[Vec<f64>], transform: Option<&Transform>) -> Vec<(f64, f64)> {
    let mut out = Vec::with_capacity(arc.len());
    let (mut x, mut y) = (0.0, 0.0);
    for position in arc {
        let (Some(dx), Some(dy)) = (position.first(), position.get(1)) else {
            continue;
        };
        match transform {
            Some(t) => {
                x += dx;
                y += dy;
                out.push((x * t.scale[0] + t.translate[0], y * t.scale[1] + t.translate[1]));
            }
            None => out.push((*dx, *dy)),
        }
    }
    out
}

fn polygon(rings: &[Vec<i64>], arcs: &[Vec<(f64, f64)>]) -> Result<Vec<Vec<(f64, f64)>>, TopoError> {
    rings.iter().map(|ring| join_ring(ring, arcs)).collect()
}

fn join_ring(indices: &[i64], arcs: &[Vec<(f64, f64)>]) -> Result<Vec<(f64, f64)>, TopoError> {
    let mut ring: Vec<(f64, f64)> = Vec::new();
    for &index in indices {
        let (position, reversed) = if index >= 0 { (index, false) } else { (!index, true) };
        let arc = usize::try_from(position)
            .ok()
            .and_then(|i| arcs.get(i))
            .ok_or(TopoError::Arc(index))?;
        let points: Box<dyn Iterator<Item = &(f64, f64)>> = if reversed {
            Box::new(arc.iter().rev())
        } else {
            Box::new(arc.iter())
        };
        let skip = usize::from(!ring.is_empty());
        ring.extend(points.skip(skip));
    }
    Ok(ring)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_quantised_and_reversed_arcs() {
        let json = r#"{"type":"Topology","transform":{"scale":[1,1],"translate":[0,0]},
            "objects":{"c":{"type":"GeometryCollection","geometries":[
              {"type":"Polygon","arcs":[[0,-2]],"id":"001","properties":{"name":"Square"}},
              {"type":"Point","coordinates":[0,0]}]}},
            "arcs":[[[0,0],[1,0],[0,1]],[[0,0],[0,1],[1,0]]]}"#;
        let features = decode(json, "c").expect("decodes");
        assert_eq!(features.len(), 1);
        assert_eq!(features[0].id.as_deref(), Some("001"));
        assert_eq!(
            features[0].polygons[0][0],
            vec![(0.0, 0.0), (1.0, 0.0), (1.0, 1.0), (0.0, 1.0), (0.0, 0.0)]
        );
        assert!(matches!(decode(json, "missing"), Err(TopoError::NoObject(_))));
    }
}
