#include "app/portfolio/PortfolioFigure.h"

namespace cw::app {

PortfolioFigure::PortfolioFigure(const QString& caption, QWidget* parent)
    : QLabel(parent), m_caption(caption) {
    setTextFormat(Qt::RichText);
    setFrameShape(QFrame::StyledPanel);
    setMargin(3);
    setValue(QStringLiteral("–"));
}

void PortfolioFigure::setValue(const QString& value, const QString& toolTip) {
    m_value = value;
    setText(QStringLiteral("<span style=\"font-size:large; font-weight:600\">%1</span>&nbsp;%2")
                .arg(value.toHtmlEscaped(), m_caption.toHtmlEscaped()));
    setToolTip(toolTip);
}

}  // namespace cw::app
