#include "app/customers/CustomerDetailDock.h"

#include <QCoreApplication>
#include <QFormLayout>
#include <QHeaderView>
#include <QLabel>
#include <QListWidget>
#include <QLocale>
#include <QPainter>
#include <QPainterPath>
#include <QScrollArea>
#include <QTableWidget>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

#include "app/customers/CustomerDetailJob.h"

namespace cw::app {
namespace {

const QString kNoData = QStringLiteral("\u2014");

// A small line of the monthly revenue: the shape of the history, not its numbers (those are in
// the tooltip and the metrics above).
class Sparkline : public QWidget {
public:
    Sparkline() {
        setMinimumHeight(40);
        setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    }
    void setValues(std::vector<double> values) {
        m_values = std::move(values);
        update();
    }
    QSize sizeHint() const override { return {200, 40}; }

protected:
    void paintEvent(QPaintEvent*) override {
        if (m_values.empty()) return;
        QPainter p(this);
        p.setRenderHint(QPainter::Antialiasing);
        const QRectF area = QRectF(rect()).adjusted(3, 3, -3, -3);
        const auto [lo, hi] = std::minmax_element(m_values.begin(), m_values.end());
        const double low = std::min(0.0, *lo), high = std::max(0.0, *hi);
        const double span = high > low ? high - low : 1.0;
        const double step = m_values.size() > 1 ? area.width() / double(m_values.size() - 1) : 0;
        auto point = [&](std::size_t i) {
            return QPointF(area.left() + step * double(i),
                           area.bottom() - (m_values[i] - low) / span * area.height());
        };
        // The zero line makes months with returns only (negative) readable.
        const double zeroY = area.bottom() - (0 - low) / span * area.height();
        p.setPen(QPen(palette().color(QPalette::Mid), 1, Qt::DotLine));
        p.drawLine(QPointF(area.left(), zeroY), QPointF(area.right(), zeroY));
        QPainterPath path(point(0));
        for (std::size_t i = 1; i < m_values.size(); ++i) path.lineTo(point(i));
        p.setPen(QPen(palette().color(QPalette::Highlight), 1.5));
        p.drawPath(path);
        p.setBrush(palette().color(QPalette::Highlight));
        p.drawEllipse(point(m_values.size() - 1), 2.0, 2.0);
    }

private:
    std::vector<double> m_values;
};

QString number(double v, int decimals) {
    return std::isnan(v) ? kNoData : QLocale().toString(v, 'f', decimals);
}

QString number(const std::optional<double>& v, int decimals) {
    return v ? QLocale().toString(*v, 'f', decimals) : kNoData;
}

QString orNoData(const QString& s) {
    return s.isEmpty() ? kNoData : s;
}

QString dateTimeText(const std::optional<QDateTime>& t) {
    if (!t) return QCoreApplication::translate("CustomerDetailDock", "undated");
    return QLocale().toString(t->date(), QLocale::ShortFormat);
}

QTableWidget* makeTable(const QStringList& headers) {
    auto* t = new QTableWidget(0, int(headers.size()));
    t->setHorizontalHeaderLabels(headers);
    t->setEditTriggers(QAbstractItemView::NoEditTriggers);
    t->setSelectionBehavior(QAbstractItemView::SelectRows);
    t->setShowGrid(false);
    t->setWordWrap(false);
    t->verticalHeader()->hide();
    t->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    t->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    // Grown to its rows; when Qt caps that size (a long list of notes), a scrollbar rather than
    // rows cut off without a sign.
    t->setVerticalScrollBarPolicy(Qt::ScrollBarAsNeeded);
    t->setSizeAdjustPolicy(QAbstractScrollArea::AdjustToContents);
    return t;
}

QTableWidgetItem* numberItem(const QString& text) {
    auto* item = new QTableWidgetItem(text);
    item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
    return item;
}

QLabel* sectionTitle(const QString& text) {
    auto* l = new QLabel(QStringLiteral("<b>%1</b>").arg(text.toHtmlEscaped()));
    l->setContentsMargins(0, 8, 0, 0);
    return l;
}

void clearForm(QFormLayout* form) {
    while (form->rowCount() > 0) form->removeRow(0);
}

QLabel* valueLabel(const QString& text) {
    auto* l = new QLabel(text);
    l->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return l;
}

}  // namespace

CustomerDetailDock::CustomerDetailDock(QWidget* parent)
    : QDockWidget(tr("Customer"), parent),
      m_job(new CustomerDetailJob(this)),
      m_content(new QWidget),
      m_status(new QLabel),
      m_title(new QLabel),
      m_profile(new QFormLayout),
      m_metrics(new QFormLayout),
      m_sparkline(new Sparkline),
      m_historyCaption(new QLabel),
      m_quadrants(makeTable({tr("Matrix"), tr("Quadrant")})),
      m_surveyCaption(new QLabel),
      m_survey(makeTable({tr("Attribute"), tr("Score"), tr("Importance")})),
      m_notesCaption(new QLabel),
      m_notes(new QListWidget) {
    setObjectName(QStringLiteral("customerDetailDock"));
    m_title->setObjectName(QStringLiteral("customerTitle"));
    m_title->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_quadrants->setObjectName(QStringLiteral("quadrantsTable"));
    m_survey->setObjectName(QStringLiteral("surveyTable"));
    m_notes->setObjectName(QStringLiteral("notesList"));
    m_notes->setWordWrap(true);
    m_notes->setSizeAdjustPolicy(QAbstractScrollArea::AdjustToContents);
    m_status->setWordWrap(true);
    m_historyCaption->setEnabled(false);  // drawn as secondary text

    auto* layout = new QVBoxLayout(m_content);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_title);
    layout->addLayout(m_profile);
    layout->addWidget(sectionTitle(tr("Metrics")));
    layout->addLayout(m_metrics);
    layout->addWidget(sectionTitle(tr("Purchase history")));
    layout->addWidget(m_sparkline);
    layout->addWidget(m_historyCaption);
    layout->addWidget(sectionTitle(tr("Quadrants")));
    layout->addWidget(m_quadrants);
    layout->addWidget(sectionTitle(tr("Latest survey")));
    layout->addWidget(m_surveyCaption);
    layout->addWidget(m_survey);
    layout->addWidget(sectionTitle(tr("Notes")));
    layout->addWidget(m_notesCaption);
    layout->addWidget(m_notes);
    layout->addStretch(1);

    auto* inner = new QWidget;
    auto* innerLayout = new QVBoxLayout(inner);
    innerLayout->setContentsMargins(6, 6, 6, 6);
    innerLayout->addWidget(m_status);
    innerLayout->addWidget(m_content);
    auto* scroll = new QScrollArea;
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidget(inner);
    setWidget(scroll);

    connect(m_job, &CustomerDetailJob::loaded, this, &CustomerDetailDock::showDetail);
    connect(m_job, &CustomerDetailJob::failed, this, &CustomerDetailDock::showFailure);
    clear();
}

bool CustomerDetailDock::isLoading() const {
    return m_job->isRunning();
}

void CustomerDetailDock::showCustomer(const QString& workbookPath, qint64 id) {
    m_customerId = id;
    m_status->setText(tr("Loading…"));
    m_status->show();
    m_content->setEnabled(false);  // dimmed: what is shown is the previous customer
    m_job->start(workbookPath, id);
}

void CustomerDetailDock::setQuadrants(const QList<QPair<QString, QString>>& matrixAndQuadrant) {
    m_quadrants->setRowCount(int(matrixAndQuadrant.size()));
    for (int i = 0; i < matrixAndQuadrant.size(); ++i) {
        m_quadrants->setItem(i, 0, new QTableWidgetItem(matrixAndQuadrant[i].first));
        m_quadrants->setItem(i, 1, new QTableWidgetItem(matrixAndQuadrant[i].second));
    }
}

void CustomerDetailDock::clear() {
    m_job->cancel();
    m_customerId = 0;
    m_detail.reset();
    m_status->setText(tr("Select a customer in the table or a matrix."));
    m_status->show();
    setQuadrants({});
    setContentVisible(false);
}

void CustomerDetailDock::setContentVisible(bool visible) {
    m_content->setVisible(visible);
    m_content->setEnabled(true);
}

void CustomerDetailDock::showDetail(std::shared_ptr<const CustomerDetail> detail) {
    if (detail->profile.id != m_customerId) return;  // superseded meanwhile
    m_detail = std::move(detail);
    m_status->hide();
    fillProfile(*m_detail);
    fillSurvey(*m_detail);
    fillNotes(*m_detail);
    setContentVisible(true);
    emit customerShown(m_customerId);
}

void CustomerDetailDock::showFailure(qint64 id, const QString& message) {
    if (id != m_customerId) return;
    m_status->setText(tr("The customer could not be loaded: %1").arg(message));
    m_status->show();
    setContentVisible(false);
    emit loadFailed(id, message);
}

void CustomerDetailDock::fillProfile(const CustomerDetail& d) {
    const auto& p = d.profile;
    m_title->setText(QStringLiteral("<big><b>%1</b></big> %2")
                         .arg(p.code.toHtmlEscaped(), p.name.toHtmlEscaped()));
    clearForm(m_profile);
    m_profile->addRow(tr("Region:"), valueLabel(orNoData(p.region)));
    m_profile->addRow(tr("Channel:"), valueLabel(orNoData(p.channel)));
    m_profile->addRow(tr("Manager:"), valueLabel(orNoData(p.manager)));
    m_profile->addRow(tr("Segment:"), valueLabel(orNoData(p.segment)));
    if (p.acquisitionDate)
        m_profile->addRow(tr("Customer since:"),
                          valueLabel(QLocale().toString(*p.acquisitionDate, QLocale::ShortFormat)));

    const auto& m = d.metrics;
    clearForm(m_metrics);
    if (!m.hasMetrics) {
        m_metrics->addRow(valueLabel(tr("Not analysed yet, or no purchases in the analysis.")));
    } else {
        using M = CustomerMetric;
        m_metrics->addRow(tr("Revenue:"), valueLabel(number(m.metric(M::Revenue), 2)));
        m_metrics->addRow(tr("Margin:"), valueLabel(number(m.metric(M::Margin), 2)));
        m_metrics->addRow(tr("Potential:"), valueLabel(number(m.metric(M::Potential), 2)));
        m_metrics->addRow(tr("CLV:"), valueLabel(number(m.metric(M::Clv), 2)));
        m_metrics->addRow(tr("Orders:"), valueLabel(number(m.metric(M::Orders), 0)));
        m_metrics->addRow(tr("Recency (days):"), valueLabel(number(m.metric(M::RecencyDays), 0)));
        m_metrics->addRow(tr("P(alive):"), valueLabel(number(m.metric(M::PAlive), 2)));
        m_metrics->addRow(tr("Loyalty:"), valueLabel(number(m.metric(M::Loyalty), 1)));
        m_metrics->addRow(tr("Satisfaction:"), valueLabel(number(m.metric(M::Satisfaction), 1)));
        m_metrics->addRow(tr("Recommend:"), valueLabel(number(m.metric(M::Recommend), 1)));
        QStringList status;
        if (m.flag(CustomerFlag::Exited) == 1) status << tr("exited");
        if (m.flag(CustomerFlag::ProfitableExit) == 1) status << tr("profitable exit");
        if (m.flag(CustomerFlag::Anorexic) == 1) status << tr("buying less (anorexia)");
        m_metrics->addRow(tr("Status:"),
                          valueLabel(status.isEmpty() ? tr("active") : status.join(", ")));
    }

    std::vector<double> values;
    for (const auto& month : d.monthlyRevenue) values.push_back(month.revenue);
    static_cast<Sparkline*>(m_sparkline)->setValues(values);
    m_sparkline->setVisible(!values.empty());
    if (values.empty()) {
        m_historyCaption->setText(tr("No transactions."));
    } else {
        const QString format = QStringLiteral("MMM yyyy");
        m_historyCaption->setText(
            tr("Monthly net revenue, %1 – %2")
                .arg(QLocale().toString(d.monthlyRevenue.front().month, format),
                     QLocale().toString(d.monthlyRevenue.back().month, format)));
        QStringList tip;
        for (const auto& month : d.monthlyRevenue)
            tip << QStringLiteral("%1: %2").arg(QLocale().toString(month.month, format),
                                                QLocale().toString(month.revenue, 'f', 0));
        m_sparkline->setToolTip(tip.join(QLatin1Char('\n')));
    }
}

void CustomerDetailDock::fillSurvey(const CustomerDetail& d) {
    m_survey->setRowCount(0);
    if (!d.latestSurvey) {
        m_surveyCaption->setText(tr("No survey answers."));
        m_survey->hide();
        return;
    }
    const auto& s = *d.latestSurvey;
    m_surveyCaption->setText(
        tr("Answered %1 · satisfaction %2 · recommend %3")
            .arg(dateTimeText(s.time), number(s.satisfaction, 1), number(s.recommend, 1)));
    m_survey->setRowCount(int(s.answers.size()));
    for (int i = 0; i < int(s.answers.size()); ++i) {
        const auto& a = s.answers[std::size_t(i)];
        m_survey->setItem(i, 0, new QTableWidgetItem(a.attribute));
        auto* score = numberItem(number(a.score, 1));
        score->setToolTip(tr("Scale %1 to %2")
                              .arg(QLocale().toString(a.scaleMin), QLocale().toString(a.scaleMax)));
        m_survey->setItem(i, 1, score);
        m_survey->setItem(i, 2, numberItem(number(a.importance, 1)));
    }
    m_survey->setVisible(!s.answers.empty());
}

void CustomerDetailDock::fillNotes(const CustomerDetail& d) {
    m_notes->clear();
    for (const auto& n : d.notes) {
        const QString by = n.author.isEmpty()
                               ? dateTimeText(n.time)
                               : dateTimeText(n.time) + QStringLiteral(" · ") + n.author;
        auto* item = new QListWidgetItem(n.text, m_notes);
        item->setToolTip(by);
        item->setData(Qt::UserRole, by);
    }
    m_notesCaption->setText(d.notes.empty() ? tr("No notes.") : QString());
    m_notesCaption->setVisible(d.notes.empty());
    m_notes->setVisible(!d.notes.empty());
}

}  // namespace cw::app
