#include "app/portfolio/PortfolioAlertsModel.h"

#include <QColor>
#include <QDate>
#include <QLocale>

#include "app/portfolio/PortfolioData.h"
#include "app/widgets/Format.h"

namespace cw::app {

namespace {

QString dayText(std::int32_t day) {
    return QLocale().toString(QDate(1970, 1, 1).addDays(day), QLocale::ShortFormat);
}

QString stateText(const engine::PortfolioAlert& a) {
    if (a.state.empty()) return {};
    QString s = a.state == "snoozed" && a.snoozedUntil
                    ? QObject::tr("snoozed until %1").arg(dayText(*a.snoozedUntil))
                    : toQString(a.state);
    if (!a.stateBy.empty()) s += QObject::tr(" by %1").arg(toQString(a.stateBy));
    if (!a.stateAt.empty()) s += QObject::tr(" on %1").arg(formatIsoDate(a.stateAt.substr(0, 10)));
    return s;
}

}  // namespace

void PortfolioAlertsModel::setPortfolio(std::shared_ptr<const PortfolioData> data,
                                        bool showHidden) {
    beginResetModel();
    m_data = std::move(data);
    m_rows.clear();
    if (m_data && m_data->portfolio) {
        const auto& p = *m_data->portfolio;
        for (std::size_t i = 0; i < p.alerts.size(); ++i)
            m_rows.push_back({&p.alerts[i], int(i) + 1, false});
        if (showHidden)
            for (std::size_t i = 0; i < p.hidden.size(); ++i)
                m_rows.push_back({&p.hidden[i], int(i) + 1, true});
    }
    endResetModel();
}

int PortfolioAlertsModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : int(m_rows.size());
}

int PortfolioAlertsModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

const engine::PortfolioAlert* PortfolioAlertsModel::alert(int row) const {
    return row >= 0 && row < int(m_rows.size()) ? m_rows[std::size_t(row)].alert : nullptr;
}

bool PortfolioAlertsModel::isHidden(int row) const {
    return row >= 0 && row < int(m_rows.size()) && m_rows[std::size_t(row)].hidden;
}

QVariant PortfolioAlertsModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || index.row() >= int(m_rows.size())) return {};
    const Row& r = m_rows[std::size_t(index.row())];
    const engine::PortfolioAlert& a = *r.alert;
    const auto col = Column(index.column());
    switch (role) {
        case Qt::DisplayRole:
            switch (col) {
                case Rank:
                    return r.hidden ? QStringLiteral("–") : QString::number(r.rank);
                case ValueAtRisk:
                    return QLocale().toString(a.alert.valueAtRisk, 'f', 0);
                case Title:
                    return toQString(std::string(engine::kpi::alertTitle(a.alert.kind)));
                case Customer:
                    return toQString(a.customerCode) + QStringLiteral("  ") +
                           toQString(a.customerName);
                case Evidence:
                    return toQString(a.alert.evidence);
                case Recommendation:
                    return toQString(a.alert.recommendation);
                case State:
                    return stateText(a);
                default:
                    return {};
            }
        case SortRole:
            switch (col) {
                case Rank:
                    return r.hidden ? 1000000 + r.rank : r.rank;
                case ValueAtRisk:
                    return a.alert.valueAtRisk;
                default:
                    return data(index, Qt::DisplayRole);
            }
        case Qt::ToolTipRole:
            return QStringLiteral("<p><b>%1</b> — %2</p><p>%3</p><p><i>%4</i></p>%5")
                .arg(toQString(std::string(engine::kpi::alertTitle(a.alert.kind))).toHtmlEscaped(),
                     (toQString(a.customerCode) + QStringLiteral(" ") + toQString(a.customerName))
                         .toHtmlEscaped(),
                     toQString(a.alert.evidence).toHtmlEscaped(),
                     toQString(a.alert.recommendation).toHtmlEscaped(),
                     r.hidden ? QStringLiteral("<p>%1</p>").arg(stateText(a).toHtmlEscaped())
                              : QString());
        case Qt::TextAlignmentRole:
            if (col == Rank || col == ValueAtRisk) return int(Qt::AlignRight | Qt::AlignVCenter);
            return {};
        case Qt::ForegroundRole:
            if (r.hidden) return QColor(Qt::gray);
            if (a.alert.kind == engine::kpi::AlertKind::OverdueAction && col == Title)
                return QColor(180, 0, 0);
            return {};
        default:
            return {};
    }
}

QVariant PortfolioAlertsModel::headerData(int section, Qt::Orientation orientation,
                                          int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) return {};
    switch (Column(section)) {
        case Rank:
            return tr("#");
        case ValueAtRisk: {
            const QString currency =
                m_data && m_data->portfolio ? toQString(m_data->portfolio->currency) : QString();
            return currency.isEmpty() ? tr("Value at risk")
                                      : tr("Value at risk (%1)").arg(currency);
        }
        case Title:
            return tr("Alert");
        case Customer:
            return tr("Customer");
        case Evidence:
            return tr("Evidence");
        case Recommendation:
            return tr("Recommendation");
        case State:
            return tr("State");
        default:
            return {};
    }
}

}  // namespace cw::app
