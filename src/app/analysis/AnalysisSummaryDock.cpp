#include "app/analysis/AnalysisSummaryDock.h"

#include <QLocale>
#include <QTextBrowser>

#include <nlohmann/json.hpp>

namespace cw::app {
namespace {

QString esc(const std::string& s) {
    return QString::fromStdString(s).toHtmlEscaped();
}

QString count(const nlohmann::json& j, const char* key) {
    return QLocale().toString(j.value(key, qlonglong{0}));
}

QString money(double v) {
    return QLocale().toString(v, 'f', 0);
}

QString row(const QString& what, const QString& value) {
    return QStringLiteral("<tr><td style='padding-right:12px'>%1</td><td>%2</td></tr>").arg(what, value);
}

}  // namespace

AnalysisSummaryDock::AnalysisSummaryDock(QWidget* parent) : QDockWidget(tr("Analysis"), parent) {
    setObjectName(QStringLiteral("analysisSummaryDock"));
    m_view = new QTextBrowser;
    m_view->setOpenLinks(false);
    setWidget(m_view);
    setSummaryJson({});
}

QString AnalysisSummaryDock::text() const {
    return m_view->toPlainText();
}

void AnalysisSummaryDock::setSummaryJson(const QString& text) {
    const auto j = nlohmann::json::parse(text.toStdString(), nullptr, false);
    if (text.isEmpty() || !j.is_object()) {
        m_view->setHtml(tr("<p><b>Not analysed yet.</b></p><p>Run <b>Analysis › Analyze</b> (Ctrl+R) once the data "
                           "is imported: the findings appear here.</p>"));
        return;
    }
    QString html;
    const auto customers = j.value("customers", nlohmann::json::object());
    const auto survey = j.value("survey", nlohmann::json::object());
    html += tr("<p><b>Analysis #%1</b> — up to %2</p>")
                .arg(j.value("run_id", qlonglong{0}))
                .arg(esc(j.value("analysis_date", std::string())));
    html += QStringLiteral("<table>");
    if (j.value("survey_only", false)) {
        html += row(tr("Survey answers"), count(survey, "responses"));
    } else {
        html += row(tr("Window"), tr("%1 to %2").arg(esc(j.value("window_start", std::string())),
                                                     esc(j.value("analysis_date", std::string()))));
        html += row(tr("Customers"), tr("%1 (%2 with purchases)").arg(count(customers, "total"), count(customers, "with_transactions")));
        html += row(tr("Active"), count(customers, "active"));
        html += row(tr("Gone"), tr("%1, of which %2 profitable").arg(count(customers, "exited"), count(customers, "profitable_exits")));
        html += row(tr("Buying less"), tr("%1 active customers").arg(count(customers, "anorexic")));
        const auto window = j.value("window", nlohmann::json::object());
        // In the workbook's currency when it was set for this analysis.
        const auto currency = j.value("settings", nlohmann::json::object()).value("currency", std::string());
        const QString unit = currency.empty() ? QString() : QStringLiteral(" ") + QString::fromStdString(currency).toHtmlEscaped();
        html += row(tr("Revenue / margin"), QStringLiteral("%1 / %2%3").arg(money(window.value("revenue", 0.0)),
                                                                          money(window.value("margin", 0.0)), unit));
        html += row(tr("Surveyed"), tr("%1 customers").arg(count(customers, "surveyed")));
    }
    if (survey.value("responses", 0) > 0) {
        QStringList parts;
        if (survey.contains("nps") && survey["nps"].is_number())
            parts << tr("NPS %1").arg(QLocale().toString(survey["nps"].get<double>(), 'f', 1));
        if (survey.contains("r2") && survey["r2"].is_number())
            parts << tr("attributes explain %1 % of overall satisfaction")
                         .arg(QLocale().toString(100.0 * survey["r2"].get<double>(), 'f', 0));
        if (!parts.isEmpty()) html += row(tr("Survey"), parts.join(QStringLiteral(" · ")));
    }
    html += QStringLiteral("</table>");
    const auto models = j.value("models", nlohmann::json::object());
    if (!models.empty()) {
        html += tr("<p><b>Purchase models</b></p><ul>");
        for (const auto& [name, m] : models.items()) {
            const QString title = name == "bgnbd" ? tr("Repeat purchases (BG/NBD)")
                                  : name == "gamma_gamma" ? tr("Spend per purchase (Gamma-Gamma)")
                                                          : esc(name);
            html += m.value("converged", false)
                        ? tr("<li>%1: fitted</li>").arg(title)
                        : tr("<li>%1: <b>not used</b> — %2</li>").arg(title, esc(m.value("message", std::string())));
        }
        html += QStringLiteral("</ul>");
    }
    const auto warnings = j.value("warnings", nlohmann::json::array());
    if (!warnings.empty()) {
        html += tr("<p><b>Read with care</b></p><ul>");
        for (const auto& w : warnings) html += QStringLiteral("<li>%1</li>").arg(esc(w.get<std::string>()));
        html += QStringLiteral("</ul>");
    }
    m_view->setHtml(html);
}

}  // namespace cw::app
