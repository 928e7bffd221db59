/** Routes of the front end. The studio lives under /studio; "/" is the public home page. Screen groups load on demand. */
import { App as AntApp, ConfigProvider, Spin } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import { useTranslation } from 'react-i18next';
import { Suspense } from 'react';
import { BrowserRouter, Navigate, Route, Routes } from 'react-router-dom';
import { LoginPage } from './session/LoginPage';
import { SessionProvider } from './session/session';
import { StudioLayout, studioRoutes } from './screens/routes';
import { GuidePage } from './screens/home/GuidePage';
import { HomePage } from './screens/home/HomePage';
import { deskRoutes } from './screens/desk/routes';
import { portalRoutes } from './screens/portal/routes';

export function App() {
  const { i18n } = useTranslation();
  return (
    <ConfigProvider locale={i18n.language === 'en' ? enUS : zhCN} theme={{ token: { colorPrimary: '#1f5fbf', borderRadius: 4 } }}>
      <AntApp>
        <SessionProvider>
          <BrowserRouter>
            {/* The studio, desk and portal screens load with their group's chunk on first use. */}
            <Suspense fallback={<Spin style={{ display: 'block', margin: '20vh auto' }} />}>
              <Routes>
                <Route path="/" element={<HomePage />} />
                <Route path="/login" element={<LoginPage />} />
                <Route path="/guide/:platformId/:itemId" element={<GuidePage />} />
                {portalRoutes}
                {deskRoutes}
                <Route path="/studio" element={<StudioLayout />}>
                  <Route index element={<Navigate to="lists" replace />} />
                  {studioRoutes.map((route) => (
                    <Route key={route.path} path={route.path} element={route.element} />
                  ))}
                </Route>
                <Route path="*" element={<Navigate to="/" replace />} />
              </Routes>
            </Suspense>
          </BrowserRouter>
        </SessionProvider>
      </AntApp>
    </ConfigProvider>
  );
}
