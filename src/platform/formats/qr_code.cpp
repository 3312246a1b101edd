#include "platform/formats/qr_code.hpp"

#include <fmt/format.h>
#include <qrencode.h>

#include <cerrno>
#include <memory>

#include "platform/formats/svg_map.hpp"

namespace zoneatlas::formats {
namespace {

constexpr int kQuietZone = 4;

}  // namespace

Result<std::string> QrCodeSvg(std::string_view text, std::string_view label, double size_mm) {
  const std::string input(text);
  errno = 0;
  const std::unique_ptr<QRcode, void (*)(QRcode*)> code(QRcode_encodeString8bit(input.c_str(), 0, QR_ECLEVEL_M),
                                                        QRcode_free);
  if (!code) {
    return Fail(Error::InvalidArgument("cannot make a QR code of " + std::to_string(text.size()) + " bytes" +
                                       (errno == ERANGE ? ": too long" : "")));
  }
  const int width = code->width;
  const int side = width + 2 * kQuietZone;
  std::string path;
  for (int y = 0; y < width; ++y) {
    for (int x = 0; x < width; ++x) {
      // Bit 0 of each module says whether it is dark.
      if ((code->data[y * width + x] & 1) == 0) continue;
      int run = 1;
      while (x + run < width && (code->data[y * width + x + run] & 1) != 0) ++run;
      path += "M" + std::to_string(x + kQuietZone) + " " + std::to_string(y + kQuietZone) + "h" + std::to_string(run) +
              "v1h-" + std::to_string(run) + "z";
      x += run - 1;
    }
  }
  const std::string size = fmt::format("{:g}", size_mm);
  return "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"qr-code\" role=\"img\" aria-label=\"" + EscapeXml(label) +
         "\" viewBox=\"0 0 " + std::to_string(side) + " " + std::to_string(side) + "\" width=\"" + size +
         "mm\" height=\"" + size + "mm\" shape-rendering=\"crispEdges\"><rect width=\"" + std::to_string(side) +
         "\" height=\"" + std::to_string(side) + "\" fill=\"#fff\"/><path fill=\"#000\" d=\"" + path + "\"/></svg>";
}

}  // namespace zoneatlas::formats
