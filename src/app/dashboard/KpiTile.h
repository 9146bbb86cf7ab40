#pragma once
// One indicator's tile on the dashboard, painted: the name, the value, the change against the
// previous period and the year before (green when it is an improvement by the indicator's good
// direction, red otherwise), a sparkline of the last periods and the target's status. Click
// chooses the indicator; double-click asks for its customers; the context menu is the dock's.
#include <QWidget>

#include <optional>
#include <vector>

#include "engine/kpi/KpiReport.h"

namespace cw::app {

class KpiTile : public QWidget {
    Q_OBJECT

public:
    struct Content {
        engine::kpi::IndicatorFigure figure;
        QString value, change, changeOnYear, target;  ///< formatted in the workbook's currency
        std::vector<std::optional<double>> sparkline;  ///< oldest first, the selected period last
    };

    static constexpr int kWidth = 190, kHeight = 100;

    explicit KpiTile(engine::kpi::IndicatorId id, QWidget* parent = nullptr);

    engine::kpi::IndicatorId indicator() const { return m_id; }
    void setContent(Content content);
    const Content& content() const { return m_content; }
    void setSelected(bool selected);
    bool isSelected() const { return m_selected; }

    /// What the tile says, as text (tests, accessibility, the tooltip).
    QString valueText() const { return m_content.value; }
    QString statusText() const;

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

signals:
    void clicked(cw::engine::kpi::IndicatorId id);
    void activated(cw::engine::kpi::IndicatorId id);  ///< double-click
    void menuRequested(cw::engine::kpi::IndicatorId id, const QPoint& globalPos);

protected:
    void paintEvent(QPaintEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseDoubleClickEvent(QMouseEvent* event) override;
    void contextMenuEvent(QContextMenuEvent* event) override;

private:
    void paintSparkline(QPainter& p, const QRectF& r) const;
    void updateToolTip();

    engine::kpi::IndicatorId m_id;
    Content m_content;
    bool m_selected = false;
};

/// The colours of good and bad news, readable on the palette's base.
QColor goodColor(const QPalette& palette);
QColor badColor(const QPalette& palette);

}  // namespace cw::app
