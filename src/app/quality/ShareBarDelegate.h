#pragma once
// Draws a share 0..1 (from a model role) as the style's progress bar, so completeness reads at
// a glance and follows the platform theme.
#include <QStyledItemDelegate>

namespace cw::app {

class ShareBarDelegate : public QStyledItemDelegate {
    Q_OBJECT

public:
    explicit ShareBarDelegate(int shareRole, QObject* parent = nullptr);

    void paint(QPainter* painter, const QStyleOptionViewItem& option,
               const QModelIndex& index) const override;
    QSize sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const override;

private:
    int m_shareRole;
};

}  // namespace cw::app
