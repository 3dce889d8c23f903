/* Test stand-in for Windows' mscms.dll: wine 8's WcsCreateIccProfile is an unimplemented stub and
   Qt's qwindows.dll aborts on it. Every colour profile call fails, so Qt assumes sRGB.
   Loaded with WINEDLLOVERRIDES=mscms=n in the test prefix; never shipped in the app. */
#include <windows.h>

__declspec(dllexport) HANDLE WINAPI OpenColorProfileW(void *profile, DWORD access, DWORD share,
                                                      DWORD creation)
{
    (void)profile; (void)access; (void)share; (void)creation;
    SetLastError(ERROR_FILE_NOT_FOUND);
    return NULL;
}

__declspec(dllexport) BOOL WINAPI CloseColorProfile(HANDLE profile) { (void)profile; return TRUE; }

__declspec(dllexport) BOOL WINAPI GetColorProfileFromHandle(HANDLE profile, BYTE *buffer,
                                                            DWORD *size)
{
    (void)profile; (void)buffer; (void)size;
    return FALSE;
}

__declspec(dllexport) HANDLE WINAPI WcsCreateIccProfile(HANDLE profile, DWORD options)
{
    (void)profile; (void)options;
    return NULL;
}
