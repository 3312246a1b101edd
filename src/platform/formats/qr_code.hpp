// platform/formats/qr_code.hpp: QR codes as SVG, for printed lists that lead back to a page.
//
// Thread safety: a pure function (libqrencode keeps no state between calls).
#ifndef ZONEATLAS_PLATFORM_FORMATS_QR_CODE_HPP_
#define ZONEATLAS_PLATFORM_FORMATS_QR_CODE_HPP_

#include <string>
#include <string_view>

#include "core/error.hpp"

namespace zoneatlas::formats {

// An SVG QR code (error correction M, a four-module quiet zone) for `text`, drawn as one
// path, `size_mm` millimetres wide; `label` is its accessible name. Returns
// kInvalidArgument when the text is too long for a QR code.
Result<std::string> QrCodeSvg(std::string_view text, std::string_view label, double size_mm = 22);

}  // namespace zoneatlas::formats

#endif  // ZONEATLAS_PLATFORM_FORMATS_QR_CODE_HPP_
