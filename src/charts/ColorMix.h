#pragma once
// Colours between two others, for palettes derived from the window's (grid, frame, highlight).
#include <QColor>

namespace cw::charts {

/// `a` moved towards `b` by `t` (0: a, 1: b), channel by channel; opaque.
inline QColor mix(const QColor& a, const QColor& b, double t) {
    return QColor::fromRgbF(float(a.redF() + (b.redF() - a.redF()) * t),
                            float(a.greenF() + (b.greenF() - a.greenF()) * t),
                            float(a.blueF() + (b.blueF() - a.blueF()) * t));
}

}  // namespace cw::charts
