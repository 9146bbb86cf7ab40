#include "app/portfolio/PortfolioCustomersModel.h"

#include <QColor>
#include <QDate>
#include <QLocale>

#include <cmath>

#include "app/portfolio/PortfolioData.h"
#include "app/widgets/Format.h"
#include "engine/matrix/MatrixSpec.h"

namespace cw::app {

namespace {

QVariant number(double v) {
    return std::isnan(v) ? QVariant() : QVariant(v);
}

QString numberText(double v, int decimals) {
    return std::isnan(v) ? QString() : QLocale().toString(v, 'f', decimals);
}

const engine::MatrixSpec& customerMatrix(int i) {
    return engine::matrixSpec(engine::kCustomerMatrices[std::size_t(i)]);
}

}  // namespace

void PortfolioCustomersModel::setPortfolio(std::shared_ptr<const PortfolioData> data) {
    beginResetModel();
    m_data = std::move(data);
    endResetModel();
}

int PortfolioCustomersModel::rowCount(const QModelIndex& parent) const {
    if (parent.isValid() || !m_data || !m_data->portfolio) return 0;
    return int(m_data->portfolio->customers.size());
}

int PortfolioCustomersModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant PortfolioCustomersModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || index.row() >= rowCount()) return {};
    const engine::PortfolioCustomer& c = m_data->portfolio->customers[std::size_t(index.row())];
    const auto col = Column(index.column());
    if (role == IdRole) return qint64(c.base.id);
    if (role == Qt::TextAlignmentRole)
        return col >= Revenue && col <= PAlive ? QVariant(int(Qt::AlignRight | Qt::AlignVCenter))
                                               : QVariant();
    if (role == Qt::ForegroundRole && col == Trend && c.trend && *c.trend < 0)
        return QColor(180, 0, 0);
    if (col >= Quadrant0 && col <= Quadrant3) {
        const int i = col - Quadrant0;
        const auto& q = c.quadrants[std::size_t(i)];
        if (!q) return {};
        const auto& spec = customerMatrix(i);
        if (role == Qt::DisplayRole || role == SortRole) return toQString(spec.quadrant(*q).name);
        if (role == Qt::ToolTipRole)
            return QStringLiteral("%1: %2").arg(toQString(spec.title),
                                                toQString(spec.quadrant(*q).meaning));
        return {};
    }
    if (role == SortRole) {
        switch (col) {
            case Code:
                return toQString(c.base.code);
            case Name:
                return toQString(c.base.name);
            case Segment:
                return c.segment.empty() ? QVariant() : QVariant(toQString(c.segment));
            case Revenue:
                return number(c.revenue);
            case Margin:
                return number(c.base.margin);
            case Trend:
                return c.trend ? QVariant(*c.trend) : QVariant();
            case Potential:
                return number(c.potential);
            case Satisfaction:
                return number(c.satisfaction);
            case Loyalty:
                return number(c.loyalty);
            case PAlive:
                return number(c.base.pAlive);
            case Plans:
                return c.plans.empty() ? QVariant() : QVariant(toQString(c.plans));
            case LastContact:
                return c.base.lastContactDay ? QVariant(*c.base.lastContactDay) : QVariant();
            default:
                return {};
        }
    }
    if (role == Qt::DisplayRole) {
        switch (col) {
            case Code:
                return toQString(c.base.code);
            case Name:
                return toQString(c.base.name);
            case Segment:
                return toQString(c.segment);
            case Revenue:
                return numberText(c.revenue, 0);
            case Margin:
                return numberText(c.base.margin, 0);
            case Trend:
                return c.trend ? QStringLiteral("%1%2 %").arg(
                                     *c.trend > 0 ? QStringLiteral("+") : QString(),
                                     QLocale().toString(*c.trend * 100, 'f', 0))
                               : QString();
            case Potential:
                return numberText(c.potential, 0);
            case Satisfaction:
                return numberText(c.satisfaction, 0);
            case Loyalty:
                return numberText(c.loyalty, 0);
            case PAlive:
                return numberText(c.base.pAlive, 2);
            case Plans:
                return toQString(c.plans);
            case LastContact:
                return c.base.lastContactDay
                           ? QLocale().toString(QDate(1970, 1, 1).addDays(*c.base.lastContactDay),
                                                QLocale::ShortFormat)
                           : QString();
            default:
                return {};
        }
    }
    if (role == Qt::ToolTipRole && col == LastContact && c.base.lastContactDay &&
        !c.base.lastContactText.empty())
        return QStringLiteral("%1: %2").arg(toQString(c.base.lastContactBy),
                                            toQString(c.base.lastContactText));
    if (role == Qt::ToolTipRole && col == Name && c.exited)
        return tr("Counted as gone by the last analysis");
    return {};
}

QVariant PortfolioCustomersModel::headerData(int section, Qt::Orientation orientation,
                                             int role) const {
    if (orientation != Qt::Horizontal) return {};
    if (section >= Quadrant0 && section <= Quadrant3) {
        static const char* const shortNames[] = {
            QT_TR_NOOP("Profit × potential"), QT_TR_NOOP("Profit × satisfaction"),
            QT_TR_NOOP("Profit × loyalty"), QT_TR_NOOP("Satisfaction × loyalty")};
        if (role == Qt::DisplayRole) return tr(shortNames[section - Quadrant0]);
        if (role == Qt::ToolTipRole) return toQString(customerMatrix(section - Quadrant0).title);
        return {};
    }
    if (role != Qt::DisplayRole) return {};
    switch (Column(section)) {
        case Code:
            return tr("Customer");
        case Name:
            return tr("Name");
        case Segment:
            return tr("Segment");
        case Revenue:
            return tr("Revenue");
        case Margin:
            return tr("Margin");
        case Trend:
            return tr("Trend");
        case Potential:
            return tr("Potential");
        case Satisfaction:
            return tr("Satisfaction");
        case Loyalty:
            return tr("Loyalty");
        case PAlive:
            return tr("P(alive)");
        case Plans:
            return tr("Account plans");
        case LastContact:
            return tr("Last contact");
        default:
            return {};
    }
}

}  // namespace cw::app
