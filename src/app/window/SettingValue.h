#pragma once
// A typed setting in the qBittorrent style: key and default live together, so a setting is
// declared once and read the same way everywhere. Backed by QSettings (organisation and
// application names set in main()).
#include <QSettings>
#include <QString>
#include <QVariant>

namespace cw::app {

template <class T>
class SettingValue {
public:
    SettingValue(QString key, T defaultValue)
        : m_key(std::move(key)), m_default(std::move(defaultValue)) {}

    T get() const {
        const QVariant v = QSettings().value(m_key);
        return v.isValid() && v.canConvert<T>() ? v.value<T>() : m_default;
    }
    void set(const T& value) const { QSettings().setValue(m_key, QVariant::fromValue(value)); }
    void remove() const { QSettings().remove(m_key); }
    const QString& key() const { return m_key; }

private:
    QString m_key;
    T m_default;
};

}  // namespace cw::app
