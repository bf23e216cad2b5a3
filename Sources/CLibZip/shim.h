// libzip (Debian libzip-dev): ZIP bills from Alipay and WeChat Pay, traditional PKWARE and WinZip AES.
#include <zip.h>
